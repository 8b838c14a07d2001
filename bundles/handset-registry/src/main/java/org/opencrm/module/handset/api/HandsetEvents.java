package org.opencrm.module.handset.api;

/**
 * EventAdmin topics the registry posts after the change committed, with the properties {@code id} (unit id),
 * {@code imei}, {@code status}, {@code actor} and, where there is one, {@code contactId}. Subscribe to
 * {@code crm/handset/*} for all of them.
 */
public final class HandsetEvents {
    public static final String TOPIC_PREFIX = "crm/handset/";
    /** A unit was added to the registry (IN_STOCK). */
    public static final String REGISTERED = TOPIC_PREFIX + "REGISTERED";
    /** A warranty card was registered: the unit is SOLD to {@code contactId}. */
    public static final String SOLD = TOPIC_PREFIX + "SOLD";
    public static final String RETURNED = TOPIC_PREFIX + "RETURNED";
    /** The unit {@code imei} was exchanged for {@code newImei} ({@code newId}), which the owner has now. */
    public static final String EXCHANGED = TOPIC_PREFIX + "EXCHANGED";
    /** Ownership moved from {@code previousContactId} to {@code contactId}. */
    public static final String TRANSFERRED = TOPIC_PREFIX + "TRANSFERRED";
    /** Any other status change (repair, restock, scrap), with {@code previousStatus}. */
    public static final String STATUS_CHANGED = TOPIC_PREFIX + "STATUS_CHANGED";

    public static final String IMEI = "imei";
    public static final String STATUS = "status";
    public static final String PREVIOUS_STATUS = "previousStatus";
    public static final String CONTACT_ID = "contactId";
    public static final String PREVIOUS_CONTACT_ID = "previousContactId";
    public static final String NEW_ID = "newId";
    public static final String NEW_IMEI = "newImei";

    private HandsetEvents() {
    }
}
