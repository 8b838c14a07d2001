package org.opencrm.platform.api.event;

/**
 * EventAdmin topics and property keys for cross-module facts. Topics follow {@code crm/<module>/<EVENT>}.
 * Events are posted after the transaction that caused them committed.
 */
public final class CrmEvents {
    public static final String CONTACT_CREATED = "crm/core/CONTACT_CREATED";
    public static final String CONTACT_UPDATED = "crm/core/CONTACT_UPDATED";
    public static final String CONTACT_DELETED = "crm/core/CONTACT_DELETED";
    /** A contact was merged into another: modules re-point their references from SOURCE_ID to TARGET_ID. */
    public static final String CONTACT_MERGED = "crm/core/CONTACT_MERGED";
    public static final String ACCOUNT_CREATED = "crm/core/ACCOUNT_CREATED";
    public static final String ACCOUNT_UPDATED = "crm/core/ACCOUNT_UPDATED";
    public static final String ACTIVITY_CREATED = "crm/core/ACTIVITY_CREATED";
    public static final String MODULE_ENABLED = "crm/platform/MODULE_ENABLED";
    public static final String MODULE_DISABLED = "crm/platform/MODULE_DISABLED";

    public static final String ID = "id";
    public static final String SOURCE_ID = "sourceId";
    public static final String TARGET_ID = "targetId";
    public static final String ACTOR = "actor";
    public static final String MODULE_ID = "moduleId";

    /** Topic for an event of a module: {@code crm/<moduleId>/<EVENT>}. */
    public static String topic(String moduleId, String event) {
        return "crm/" + moduleId + "/" + event;
    }

    private CrmEvents() {
    }
}
