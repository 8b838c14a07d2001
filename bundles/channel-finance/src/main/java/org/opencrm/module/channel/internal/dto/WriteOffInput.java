package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** A bad-debt write-off to request: the invoice and how much of its open amount (all of it when empty). */
public record WriteOffInput(Long invoiceId, BigDecimal amount, String reason) {
}
