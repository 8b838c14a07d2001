package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A rebate run and its results. */
public record RunData(long id, long programmeId, String programmeCode, LocalDate periodStart, LocalDate periodEnd, String status, BigDecimal total, int partners, Instant computedAt, String computedBy, String approvedBy, List<RebateResultData> results) {
}
