package org.opencrm.module.repair.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/** A part of the catalogue. */
public record PartData(long id, String partNumber, String name, List<String> models, BigDecimal cost, BigDecimal price, String currency, boolean active, long version) {
}
