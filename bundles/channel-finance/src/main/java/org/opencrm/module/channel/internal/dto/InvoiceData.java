package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice, with its open amount and aging today. */
public record InvoiceData(long id, String number, long accountId, String accountName, long orderId, long shipmentId, LocalDate issuedOn, LocalDate dueOn, BigDecimal amount, BigDecimal open, String aging, long overdueDays) {
}
