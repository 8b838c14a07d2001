package org.opencrm.module.repair.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/** A part of the catalogue: number, name, the model codes it fits, cost and price in CNY; {@code version} when updating. */
public record PartInput(String partNumber, String name, List<String> models, BigDecimal cost, BigDecimal price, Boolean active, Long version) {
}
