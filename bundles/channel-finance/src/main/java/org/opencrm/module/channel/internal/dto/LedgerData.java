package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A ledger entry (+ invoice, - payment, credit note, write-off) and the balance after it. */
public record LedgerData(long id, String kind, long documentId, String documentNumber, BigDecimal amount, LocalDate onDate, BigDecimal balance) {
}
