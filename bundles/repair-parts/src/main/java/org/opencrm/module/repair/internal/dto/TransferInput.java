package org.opencrm.module.repair.internal.dto;

/** A move of parts between two warehouses: both legs in one transaction. */
public record TransferInput(Long fromWarehouseId, Long toWarehouseId, String partNumber, Long quantity, String note) {
}
