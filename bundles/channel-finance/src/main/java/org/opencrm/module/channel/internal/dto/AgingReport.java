package org.opencrm.module.channel.internal.dto;

import java.time.LocalDate;
import java.util.List;

/** Aging as of a date: per partner (largest total first) and the totals. */
public record AgingReport(LocalDate asOf, AgingRow totals, List<AgingRow> partners, long partnerCount) {
}
