package org.opencrm.module.membership.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A member with balances (points; stored value in CNY) and, on a single read, the cards. */
public record MemberData(long id, String memberNumber, long contactId, String name, String mobile, LocalDate birthday, Long joinStoreAccountId,
        String tier, String status, long pointsBalance, BigDecimal valueBalance, String currency, BigDecimal rollingSpend, Instant tierSince,
        Instant lastActivityAt, Instant createdAt, List<CardData> cards) {
}
