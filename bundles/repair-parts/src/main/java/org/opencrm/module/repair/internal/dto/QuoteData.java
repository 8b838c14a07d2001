package org.opencrm.module.repair.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/** The quote of an order; {@code status} NONE, PENDING, ACCEPTED or DECLINED. */
public record QuoteData(String status, BigDecimal parts, BigDecimal labour, BigDecimal total, String currency, Instant quotedAt, String quotedBy, Instant decidedAt,
        String decidedBy) {
}
