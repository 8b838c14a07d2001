package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A sell-in order. */
public record OrderData(long id, String number, long accountId, String accountName, String status, BigDecimal total, BigDecimal shipped, String note, Instant submittedAt, String submittedBy, Instant approvedAt, String approvedBy, String overrideReason, String overrideBy, String cancelReason, List<OrderLineData> lines) {
}
