package org.opencrm.module.repair.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/** A receipt, a return to the shelf (quantity > 0) or an adjustment (quantity ± with a note) of one part in one warehouse. */
@ApiSchema(required = { "quantity" })
public record StockInput(Long warehouseId, String partNumber, Long quantity, String note) {
}
