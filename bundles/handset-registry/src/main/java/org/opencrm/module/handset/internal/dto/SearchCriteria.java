package org.opencrm.module.handset.internal.dto;

import org.opencrm.module.handset.api.HandsetStatus;

/**
 * Filters of the unit list, each optional. {@code imei} and {@code serial} match by prefix (a full IMEI also finds a
 * dual-SIM unit by its second IMEI), {@code ownerMobile} exactly, {@code model} is a model code.
 */
public record SearchCriteria(String imei, String serial, String ownerMobile, String model, HandsetStatus status, Long ownerContactId) {
    public static final SearchCriteria NONE = new SearchCriteria(null, null, null, null, null, null);

    public static SearchCriteria owner(long contactId) {
        return new SearchCriteria(null, null, null, null, null, contactId);
    }
}
