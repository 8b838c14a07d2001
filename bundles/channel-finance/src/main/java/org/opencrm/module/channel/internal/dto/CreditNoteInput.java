package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/** A credit note to issue (RETURN or ADJUSTMENT; REBATE ones come from settled rebate runs). */
public record CreditNoteInput(Long accountId, String reason, BigDecimal amount, String note, List<Long> invoiceIds) {
}
