package org.opencrm.module.repair.internal.dto;

/** A receipt, a return to the shelf (quantity > 0) or an adjustment (quantity ± with a note) of one part in one warehouse. */
public record StockInput(Long warehouseId, String partNumber, Long quantity, String note) {
}
