package org.opencrm.module.repair.internal.dto;

/** Filters of the service desk queue; every one optional. {@code q} is a request number (SR…), IMEI or owner prefix. */
public record ServiceRequestSearch(String q, String status, Long centreAccountId, Long contactId, Boolean overdue, String owner) {
}
