package org.opencrm.module.repair.internal.dto;

import java.util.List;
import org.opencrm.platform.rest.ApiSchema;

/** Defective parts shipped from a centre's warehouse to HQ (default: the HQ warehouse). */
@ApiSchema(required = { "lines" })
public record PartReturnInput(Long warehouseId, Long toWarehouseId, String trackingNumber, String note, List<ReturnLineInput> lines) {
}
