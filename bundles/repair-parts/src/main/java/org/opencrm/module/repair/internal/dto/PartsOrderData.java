package org.opencrm.module.repair.internal.dto;

import java.time.Instant;
import java.util.List;

/** A parts order with its lines. */
public record PartsOrderData(long id, String number, long warehouseId, long centreAccountId, long supplierId, String status, String note, String rejectionReason,
        List<PartsOrderLineData> lines, Instant submittedAt, String submittedBy, Instant approvedAt, String approvedBy, Instant shippedAt,
        String shippedBy, Instant receivedAt, String receivedBy, long version) {
}
