package org.opencrm.module.samplenotes.internal;

/**
 * Every name of the Sample notes module, in one place: what the platform, the operator and other modules know it by.
 * The module's code takes its names from here; bnd.bnd, src/main/feature/feature.xml and META-INF/persistence.xml
 * cannot refer to Java and repeat them (SampleNotesServiceTest checks that they agree).
 */
public final class SampleNotesNames {
    /** The module id: REST /api/v1/modules/{id}, crm:enable {id}, the CrmModule and PermissionSet id. */
    public static final String ID = "sample-notes";
    /** What the Modules page calls it. */
    public static final String NAME = "Sample notes";
    /** The Karaf feature that enables it ("crm-" + id). */
    public static final String FEATURE = "crm-" + ID;
    /** The bundle's symbolic name (bnd.bnd); its Bundle-Version is the module's version. */
    public static final String BUNDLE = "org.opencrm.module.samplenotes";
    /** Every table of the module starts with this prefix. */
    public static final String TABLE_PREFIX = "SN_";
    /** The JPA persistence unit (META-INF/persistence.xml) and the filter of its JpaTemplate service. */
    public static final String PERSISTENCE_UNIT = "crm-" + ID;
    public static final String JPA_TARGET = "(osgi.unit.name=" + PERSISTENCE_UNIT + ")";
    /** The configuration: etc/org.opencrm.module.samplenotes.cfg (SampleNotesConfig). */
    public static final String CONFIG_PID = "org.opencrm.module.samplenotes";
    /** Every permission of the module starts with this prefix. */
    public static final String PERMISSION_PREFIX = ID + ".";
    public static final String READ = PERMISSION_PREFIX + "read";
    public static final String WRITE = PERMISSION_PREFIX + "write";
    /** The REST path: /api/v1/{REST_PATH}, and /api/v1/contacts/{id}/{REST_PATH} for one contact's records. */
    public static final String REST_PATH = ID;
    /** EventAdmin topics the module posts (crm/sample-notes/*), after the transaction commits. */
    public static final String EVENT_TOPIC = "crm/" + ID + "/";
    public static final String EVENT_CREATED = EVENT_TOPIC + "CREATED";
    /** The module's timeline entry type (its name in the user's language: timeline.type.RECORD_ADDED in the messages). */
    public static final String TIMELINE_ADDED = "RECORD_ADDED";
    /** The record type in the audit trail. */
    public static final String AUDIT_TYPE = ID + ".record";
    /** The resource bundle of the screens (src/main/resources/.../internal/ui/messages*.properties). */
    public static final String MESSAGES = "org.opencrm.module.samplenotes.internal.ui.messages";

    private SampleNotesNames() {
    }
}
