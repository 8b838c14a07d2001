package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/** A write-off request and its decision. */
public record WriteOffData(long id, long accountId, long invoiceId, BigDecimal amount, String reason, String status, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt) {
}
