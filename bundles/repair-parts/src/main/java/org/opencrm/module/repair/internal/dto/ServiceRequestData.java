package org.opencrm.module.repair.internal.dto;

import java.time.Instant;

/** A service request as lists and pages show it; {@code overdue} is open and past {@code dueAt}. */
public record ServiceRequestData(long id, String number, String channel, long contactId, String imei, String serialNumber, String modelCode, String description,
        Long centreAccountId, String owner, String status, Instant dueAt, boolean overdue, int escalationLevel, Instant escalatedAt, Long repairOrderId,
        String resolution, Instant createdAt, String createdBy, Instant closedAt, String closedBy, long version) {
}
