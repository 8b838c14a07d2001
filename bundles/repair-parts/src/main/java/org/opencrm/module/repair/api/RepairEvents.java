package org.opencrm.module.repair.api;

/**
 * EventAdmin topics the module posts after the change committed. Every event carries {@code actor}; the others as
 * listed. Subscribe to {@code crm/repair/*} for all of them.
 */
public final class RepairEvents {
    public static final String TOPIC_PREFIX = "crm/repair/";
    /** A service request was opened: {@code id}, {@code number}, {@code contactId}, {@code centreAccountId}, {@code channel}. */
    public static final String SERVICE_REQUEST_CREATED = TOPIC_PREFIX + "SERVICE_REQUEST_CREATED";
    /** A service request passed its due time: {@code id}, {@code number}, {@code level}. */
    public static final String SERVICE_REQUEST_ESCALATED = TOPIC_PREFIX + "SERVICE_REQUEST_ESCALATED";
    /** A service request was closed or cancelled: {@code id}, {@code number}, {@code status}. */
    public static final String SERVICE_REQUEST_CLOSED = TOPIC_PREFIX + "SERVICE_REQUEST_CLOSED";
    /** A repair order moved: {@code id}, {@code number}, {@code contactId}, {@code status}, {@code previousStatus}, {@code imei}. */
    public static final String REPAIR_ORDER_STATUS_CHANGED = TOPIC_PREFIX + "REPAIR_ORDER_STATUS_CHANGED";
    /** A part was issued for a repair: {@code id} (replacement request), {@code repairOrderId}, {@code partNumber}, {@code warehouseId}. */
    public static final String PART_ISSUED = TOPIC_PREFIX + "PART_ISSUED";
    /** Stock of a part in a warehouse changed: {@code warehouseId}, {@code partNumber}, {@code kind}, {@code quantity}, {@code balance}. */
    public static final String STOCK_CHANGED = TOPIC_PREFIX + "STOCK_CHANGED";

    public static final String ID = "id";
    public static final String NUMBER = "number";
    public static final String CONTACT_ID = "contactId";
    public static final String CENTRE_ACCOUNT_ID = "centreAccountId";
    public static final String CHANNEL = "channel";
    public static final String LEVEL = "level";
    public static final String STATUS = "status";
    public static final String PREVIOUS_STATUS = "previousStatus";
    public static final String IMEI = "imei";
    public static final String REPAIR_ORDER_ID = "repairOrderId";
    public static final String PART_NUMBER = "partNumber";
    public static final String WAREHOUSE_ID = "warehouseId";
    public static final String KIND = "kind";
    public static final String QUANTITY = "quantity";
    public static final String BALANCE = "balance";

    private RepairEvents() {
    }
}
