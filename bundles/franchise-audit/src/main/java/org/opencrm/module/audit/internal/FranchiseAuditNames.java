package org.opencrm.module.audit.internal;

/**
 * Every name of the franchise audit module, in one place: what the platform, the operator and other modules know it
 * by. bnd.bnd, src/main/feature/feature.xml and META-INF/persistence.xml repeat them (FranchiseAuditNamesTest checks
 * that they agree).
 */
public final class FranchiseAuditNames {
    /** The module id: REST /api/v1/modules/{id}, crm:enable {id}, the CrmModule and PermissionSet id. */
    public static final String ID = "franchise-audit";
    public static final String NAME = "Franchise audit";
    public static final String FEATURE = "crm-" + ID;
    public static final String BUNDLE = "org.opencrm.module.audit";
    public static final String TABLE_PREFIX = "FA_";
    public static final String PERSISTENCE_UNIT = "crm-" + ID;
    public static final String JPA_TARGET = "(osgi.unit.name=" + PERSISTENCE_UNIT + ")";
    public static final String CONFIG_PID = "org.opencrm.franchiseaudit";
    /**
     * Every permission of the module starts with "audit." (the issue's names; the core's audit trail uses
     * "core.audit.read", so there is no clash).
     */
    public static final String PERMISSION_PREFIX = "audit.";
    /** See audits, results and actions within one's stores. A franchisee with it answers its stores' actions. */
    public static final String READ = PERMISSION_PREFIX + "read";
    /** Start, fill in and submit audits (field supervisors). */
    public static final String PERFORM = PERMISSION_PREFIX + "perform";
    /** Accept or reopen the franchisee's answer to a corrective action. */
    public static final String VERIFY = PERMISSION_PREFIX + "verify";
    /** Edit and publish checklist templates. */
    public static final String TEMPLATE = PERMISSION_PREFIX + "template";
    /** Audit plans, escalation, demo data. */
    public static final String ADMIN = PERMISSION_PREFIX + "admin";
    /** The role this module adds: field supervisors (督导). */
    public static final String ROLE_SUPERVISOR = "supervisor";
    /** /api/v1/audits/... */
    public static final String REST_PATH = "audits";
    /** EventAdmin topics (crm/audit/*), posted after the transaction commits. */
    public static final String EVENT_TOPIC = "crm/audit/";
    public static final String EVENT_TEMPLATE_PUBLISHED = EVENT_TOPIC + "TEMPLATE_PUBLISHED";
    public static final String EVENT_STARTED = EVENT_TOPIC + "STARTED";
    public static final String EVENT_SUBMITTED = EVENT_TOPIC + "SUBMITTED";
    public static final String EVENT_ACTION_CREATED = EVENT_TOPIC + "ACTION_CREATED";
    public static final String EVENT_ACTION_RESPONDED = EVENT_TOPIC + "ACTION_RESPONDED";
    public static final String EVENT_ACTION_VERIFIED = EVENT_TOPIC + "ACTION_VERIFIED";
    public static final String EVENT_ACTION_ESCALATED = EVENT_TOPIC + "ACTION_ESCALATED";
    /** Timeline entry types on the store's account. */
    public static final String TIMELINE_SUBMITTED = "AUDIT_SUBMITTED";
    public static final String TIMELINE_ACTION_CLOSED = "AUDIT_ACTION_CLOSED";
    /** Record types in the audit trail. */
    public static final String AUDIT_TYPE = "audit";
    public static final String TEMPLATE_TYPE = "audit.template";
    public static final String PLAN_TYPE = "audit.plan";
    public static final String ACTION_TYPE = "audit.action";
    public static final String PHOTO_TYPE = "audit.photo";
    public static final String MESSAGES = "org.opencrm.module.audit.internal.ui.messages";

    private FranchiseAuditNames() {
    }
}
