package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** A partner's credit position: exposure = receivables + orders submitted or approved and not yet invoiced; available = limit - exposure. */
public record CreditData(BigDecimal limit, BigDecimal receivables, BigDecimal pendingOrders, BigDecimal exposure, BigDecimal available, BigDecimal overdue, long oldestOverdueDays, String creditStatus) {
}
