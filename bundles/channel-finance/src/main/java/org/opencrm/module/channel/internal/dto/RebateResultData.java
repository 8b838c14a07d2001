package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** One partner's rebate in a run. */
public record RebateResultData(long accountId, String accountName, BigDecimal netSellIn, String rate, BigDecimal volume, BigDecimal bonus, BigDecimal total, Long creditNoteId) {
}
