package org.opencrm.module.repair.internal.dto;

import java.util.List;
import org.opencrm.platform.rest.ApiSchema;

/** A centre's parts order: the centre's warehouse (or the centre account), the supplying warehouse (default: the centre's supplier), lines. */
@ApiSchema(required = { "lines" })
public record PartsOrderInput(Long warehouseId, Long centreAccountId, Long supplierId, List<OrderLineInput> lines, String note) {
}
