package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A partner statement (对账单) for a period. */
public record StatementData(long accountId, String accountName, LocalDate from, LocalDate to, BigDecimal opening, BigDecimal invoices, BigDecimal payments, BigDecimal creditNotes, BigDecimal writeOffs, BigDecimal closing, List<LedgerData> entries, AgingRow aging, BigDecimal rebatesEarned) {
}
