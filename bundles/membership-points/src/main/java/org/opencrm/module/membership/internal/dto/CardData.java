package org.opencrm.module.membership.internal.dto;

import java.time.Instant;

/** A card; {@code usable} = ACTIVE (only then it earns, redeems or pays). */
public record CardData(long id, String cardNumber, long memberId, Long parentCardId, Long holderContactId, String kind, String status,
        Integer discountPercent, Long replacedById, Instant issuedAt, Instant activatedAt, boolean usable) {
}
