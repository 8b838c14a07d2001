package org.opencrm.module.samplenotes.internal;

/**
 * Every name of the sample notes (isv template) module, in one place: what the platform, the operator and other modules know it by.
 * Code of the module takes its names from here; the feature file (src/main/feature/feature.xml) and
 * META-INF/persistence.xml cannot refer to Java and repeat them, which SampleNotesNamesTest checks.
 */
public final class SampleNotesNames {
    /** The module id: REST /api/v1/modules/{id}, crm:enable {id}, the CrmModule and PermissionSet id. */
    public static final String ID = "sample-notes";
    /** The Karaf feature that enables it ("crm-" + id). */
    public static final String FEATURE = "crm-" + ID;
    /** The bundle's symbolic name (bnd.bnd); its Bundle-Version is the module's version. */
    public static final String BUNDLE = "org.opencrm.module.samplenotes";
    /** Every table of the module starts with this prefix. */
    public static final String TABLE_PREFIX = "SN_";
    /** The JPA persistence unit (META-INF/persistence.xml) and the filter of its JpaTemplate service. */
    public static final String PERSISTENCE_UNIT = "crm-sample-notes";
    public static final String JPA_TARGET = "(osgi.unit.name=" + PERSISTENCE_UNIT + ")";
    /** The configuration, etc/org.opencrm.samplenotes.cfg, should the module get one. */
    public static final String CONFIG_PID = "org.opencrm.samplenotes";
    /** Every permission of the module starts with this prefix. */
    public static final String PERMISSION_PREFIX = "sample-notes.";
    /** EventAdmin topics the module would post start with this prefix (crm/sample-notes/*); it posts none yet. */
    public static final String EVENT_TOPIC = "crm/sample-notes/";

    private SampleNotesNames() {
    }
}
