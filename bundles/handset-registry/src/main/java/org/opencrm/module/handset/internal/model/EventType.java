package org.opencrm.module.handset.internal.model;

/** What happened to a unit, as kept in its history. */
public enum EventType {
    REGISTERED, SOLD, RETURNED, EXCHANGED_OUT, EXCHANGED_IN, TRANSFERRED, STATUS_CHANGED,
    /** Shipped from the brand's stock to a channel partner's account ({@link HandsetEvent#accountId}). */
    CHANNEL_SHIPPED
}
