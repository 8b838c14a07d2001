package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Part of a payment, credit note or write-off applied to an invoice. */
public record AllocationData(long invoiceId, String invoiceNumber, BigDecimal amount, LocalDate onDate) {
}
