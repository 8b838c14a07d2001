package org.opencrm.module.repair.internal.dto;

/** Filters of the repair order list; every one optional. {@code q} is an order number (RO…) or IMEI prefix. */
public record RepairOrderSearch(String q, String status, Long centreAccountId, Long contactId, String imei, String technician) {
}
