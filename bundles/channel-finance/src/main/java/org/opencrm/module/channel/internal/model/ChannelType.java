package org.opencrm.module.channel.internal.model;

/** The kinds of channel partner; each is a core account type of the same name. */
public enum ChannelType {
    NATIONAL_DISTRIBUTOR, PROVINCIAL_DISTRIBUTOR, REGIONAL_DISTRIBUTOR, RETAIL_CHAIN, STORE, FRANCHISEE;

    public static boolean isChannel(String accountType) {
        for (ChannelType t : values()) {
            if (t.name().equals(accountType)) {
                return true;
            }
        }
        return false;
    }
}
