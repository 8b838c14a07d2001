package org.opencrm.module.channel.internal;

/**
 * Every name of the channel finance module, in one place: what the platform, the operator and other modules know it
 * by. The feature file (src/main/feature/feature.xml) and META-INF/persistence.xml cannot refer to Java and repeat
 * them, which ChannelNamesTest checks.
 */
public final class ChannelNames {
    /** The module id: REST /api/v1/modules/{id}, crm:enable {id}, the CrmModule and PermissionSet id. */
    public static final String ID = "channel-finance";
    /** The Karaf feature that enables it ("crm-" + id). */
    public static final String FEATURE = "crm-" + ID;
    /** The bundle's symbolic name (bnd.bnd); its Bundle-Version is the module's version. */
    public static final String BUNDLE = "org.opencrm.module.channel";
    /** Every table of the module starts with this prefix. */
    public static final String TABLE_PREFIX = "CF_";
    /** The JPA persistence unit (META-INF/persistence.xml) and the filter of its JpaTemplate service. */
    public static final String PERSISTENCE_UNIT = "crm-channel";
    public static final String JPA_TARGET = "(osgi.unit.name=" + PERSISTENCE_UNIT + ")";
    /** The configuration: etc/org.opencrm.channel.cfg. */
    public static final String CONFIG_PID = "org.opencrm.channel";
    /** Every permission of the module starts with this prefix. */
    public static final String PERMISSION_PREFIX = "channel.";
    /** EventAdmin topics the module posts start with this prefix (crm/channel/*). */
    public static final String EVENT_TOPIC = "crm/channel/";
    /** The REST path below /api/v1. */
    public static final String REST_PATH = "channel";

    private ChannelNames() {
    }
}
