package org.opencrm.module.membership.internal.dto;

import java.time.LocalDate;
import java.util.List;
import org.opencrm.platform.rest.ApiSchema;

/** An earning multiplier for a date range (inclusive), optionally one store and some tiers. PUT needs {@code version}. */
@ApiSchema(required = { "name", "startDate", "endDate" })
public record PromotionData(Long id, String name, java.math.BigDecimal multiplier, LocalDate startDate, LocalDate endDate, Long storeAccountId,
        List<String> tiers, Boolean active, Long version) {
}
