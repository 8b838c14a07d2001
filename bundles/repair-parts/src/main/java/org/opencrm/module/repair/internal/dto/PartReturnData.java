package org.opencrm.module.repair.internal.dto;

import java.time.Instant;
import java.util.List;

/** A shipment of defective parts to HQ. */
public record PartReturnData(long id, String number, long warehouseId, long centreAccountId, long toWarehouseId, String status, String trackingNumber, String note,
        String inspection, List<ReturnLineData> lines, Instant shippedAt, String shippedBy, Instant receivedAt, String receivedBy) {
}
