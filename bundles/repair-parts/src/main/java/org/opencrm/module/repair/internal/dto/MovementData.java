package org.opencrm.module.repair.internal.dto;

import java.time.Instant;

/** One row of the stock ledger. */
public record MovementData(long id, long warehouseId, long partId, String partNumber, String kind, long quantity, long balanceAfter, Long counterWarehouseId,
        String transferId, String refType, String refId, String note, Instant at, String actor) {
}
