package org.opencrm.module.repair.internal.dto;

import java.time.Instant;

/** A part replacement request. */
public record ReplacementData(long id, long repairOrderId, long centreAccountId, long warehouseId, long partId, String partNumber, String partName, int quantity,
        boolean inWarranty, String status, String note, String removedSerial, String fittedSerial, String rejectionReason, Instant requestedAt,
        String requestedBy, Instant decidedAt, String decidedBy, long version) {
}
