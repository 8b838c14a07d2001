package org.opencrm.module.membership.internal.dto;

import java.time.LocalDate;
import java.util.List;

/** An earning multiplier for a date range (inclusive), optionally one store and some tiers. PUT needs {@code version}. */
public record PromotionData(Long id, String name, java.math.BigDecimal multiplier, LocalDate startDate, LocalDate endDate, Long storeAccountId,
        List<String> tiers, Boolean active, Long version) {
}
