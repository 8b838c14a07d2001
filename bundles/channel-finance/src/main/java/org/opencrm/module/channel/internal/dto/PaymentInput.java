package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/** A payment received: allocated to the oldest open invoices unless invoiceIds names them. */
public record PaymentInput(Long accountId, String method, BigDecimal amount, String reference, List<Long> invoiceIds) {
}
