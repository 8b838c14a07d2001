package org.opencrm.module.repair.internal.dto;

import java.math.BigDecimal;
import java.util.List;
import org.opencrm.platform.rest.ApiSchema;

/** A part of the catalogue: number, name, the model codes it fits, cost and price in CNY; {@code version} when updating. */
@ApiSchema(required = { "partNumber", "name" })
public record PartInput(String partNumber, String name, List<String> models, BigDecimal cost, BigDecimal price, Boolean active, Long version) {
}
