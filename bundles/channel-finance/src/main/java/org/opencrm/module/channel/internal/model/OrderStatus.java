package org.opencrm.module.channel.internal.model;

/** A sell-in order: submitted (credit checked) → approved (checked again) → shipped in one or more shipments, each invoiced at once → paid; cancelled before any shipment. */
public enum OrderStatus {
    SUBMITTED, APPROVED, PARTIALLY_SHIPPED, SHIPPED, PAID, CANCELLED
}
