package org.opencrm.module.repair.internal.dto;

/** The quantity of one part in one warehouse. */
public record StockLevel(long warehouseId, String warehouseCode, long partId, String partNumber, String partName, long quantity) {
}
