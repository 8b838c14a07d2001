package org.opencrm.module.membership.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The result of an earn, redeem, adjust, top-up, spend or refund: what changed and the balances after it. The same
 * reference again answers the same result with {@code replayed} true.
 */
public record TxnResult(String reference, String kind, long memberId, long points, long pointsBalance, BigDecimal amount, BigDecimal bonus,
        BigDecimal valueBalance, String currency, String multiplier, String tier, Long storeAccountId, Instant createdAt, boolean replayed) {
}
