package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A credit note. */
public record CreditNoteData(long id, String number, long accountId, String reason, BigDecimal amount, BigDecimal unallocated, LocalDate issuedOn, String note, List<AllocationData> allocations) {
}
