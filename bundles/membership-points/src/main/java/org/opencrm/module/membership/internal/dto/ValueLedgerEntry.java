package org.opencrm.module.membership.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the stored-value ledger (CNY), newest first. */
public record ValueLedgerEntry(long id, String kind, boolean bonus, BigDecimal amount, BigDecimal balanceAfter, String reference, Long storeAccountId,
        String actor, Instant createdAt) {
}
