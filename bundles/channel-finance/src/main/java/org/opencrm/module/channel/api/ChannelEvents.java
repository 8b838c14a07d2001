package org.opencrm.module.channel.api;

/**
 * EventAdmin topics the channel finance module posts after the change committed. Every event carries
 * {@code accountId} (the partner's account) and {@code actor}; the others say what they name.
 */
public final class ChannelEvents {
    public static final String TOPIC_PREFIX = "crm/channel/";
    /** An order passed the credit check and was submitted ({@code orderId}, {@code amount} in yuan, {@code override} true when let through). */
    public static final String ORDER_SUBMITTED = TOPIC_PREFIX + "ORDER_SUBMITTED";
    public static final String ORDER_APPROVED = TOPIC_PREFIX + "ORDER_APPROVED";
    public static final String ORDER_CANCELLED = TOPIC_PREFIX + "ORDER_CANCELLED";
    /** An order was refused by the credit check ({@code limit}, {@code exposure}, {@code shortfall}; nothing was written). */
    public static final String CREDIT_REFUSED = TOPIC_PREFIX + "CREDIT_REFUSED";
    /** Goods left ({@code shipmentId}, {@code orderId}, {@code invoiceId}, {@code amount}). */
    public static final String SHIPPED = TOPIC_PREFIX + "SHIPPED";
    public static final String PAYMENT_RECEIVED = TOPIC_PREFIX + "PAYMENT_RECEIVED";
    public static final String CREDIT_NOTE_ISSUED = TOPIC_PREFIX + "CREDIT_NOTE_ISSUED";
    public static final String WRITTEN_OFF = TOPIC_PREFIX + "WRITTEN_OFF";
    /** The partner's grade changed ({@code grade}, {@code previousGrade}, {@code reason}). */
    public static final String GRADE_CHANGED = TOPIC_PREFIX + "GRADE_CHANGED";
    /** The partner's credit status changed ({@code status}, {@code reason}). */
    public static final String CREDIT_STATUS_CHANGED = TOPIC_PREFIX + "CREDIT_STATUS_CHANGED";
    public static final String REBATE_SETTLED = TOPIC_PREFIX + "REBATE_SETTLED";

    private ChannelEvents() {
    }
}
