package org.opencrm.module.repair.internal;

import org.opencrm.module.repair.api.RepairEvents;

/**
 * Every name of the repair and parts module, in one place: what the platform, the operator and other modules know it by.
 * Code of the module takes its names from here; the feature file (src/main/feature/feature.xml) and
 * META-INF/persistence.xml cannot refer to Java and repeat them, which RepairNamesTest checks.
 */
public final class RepairNames {
    /** The module id: REST /api/v1/modules/{id}, crm:enable {id}, the CrmModule and PermissionSet id. */
    public static final String ID = "repair-parts";
    /** The Karaf feature that enables it ("crm-" + id). */
    public static final String FEATURE = "crm-" + ID;
    /** The bundle's symbolic name (bnd.bnd); its Bundle-Version is the module's version. */
    public static final String BUNDLE = "org.opencrm.module.repair";
    /** Every table of the module starts with this prefix. */
    public static final String TABLE_PREFIX = "RP_";
    /** The JPA persistence unit (META-INF/persistence.xml) and the filter of its JpaTemplate service. */
    public static final String PERSISTENCE_UNIT = "crm-repair";
    public static final String JPA_TARGET = "(osgi.unit.name=" + PERSISTENCE_UNIT + ")";
    /** The configuration: etc/org.opencrm.repair.cfg. */
    public static final String CONFIG_PID = "org.opencrm.repair";
    /** Every permission of the module starts with this prefix. */
    public static final String PERMISSION_PREFIX = "repair.";
    /** EventAdmin topics the module posts start with this prefix (crm/repair/*). */
    public static final String EVENT_TOPIC = RepairEvents.TOPIC_PREFIX;

    private RepairNames() {
    }
}
