package org.opencrm.module.handset.internal;

import org.opencrm.module.handset.api.HandsetEvents;

/**
 * Every name of the handset registry module, in one place: what the platform, the operator and other modules know it by.
 * Code of the module takes its names from here; the feature file (src/main/feature/feature.xml) and
 * META-INF/persistence.xml cannot refer to Java and repeat them, which HandsetNamesTest checks.
 */
public final class HandsetNames {
    /** The module id: REST /api/v1/modules/{id}, crm:enable {id}, the CrmModule and PermissionSet id. */
    public static final String ID = "handset-registry";
    /** The Karaf feature that enables it ("crm-" + id). */
    public static final String FEATURE = "crm-" + ID;
    /** The bundle's symbolic name (bnd.bnd); its Bundle-Version is the module's version. */
    public static final String BUNDLE = "org.opencrm.module.handset";
    /** Every table of the module starts with this prefix. */
    public static final String TABLE_PREFIX = "HS_";
    /** The JPA persistence unit (META-INF/persistence.xml) and the filter of its JpaTemplate service. */
    public static final String PERSISTENCE_UNIT = "crm-handset";
    public static final String JPA_TARGET = "(osgi.unit.name=" + PERSISTENCE_UNIT + ")";
    /** The configuration: etc/org.opencrm.handset.cfg. */
    public static final String CONFIG_PID = "org.opencrm.handset";
    /** Every permission of the module starts with this prefix. */
    public static final String PERMISSION_PREFIX = "handset.";
    /** EventAdmin topics the module posts start with this prefix (crm/handset/*). */
    public static final String EVENT_TOPIC = HandsetEvents.TOPIC_PREFIX;

    private HandsetNames() {
    }
}
