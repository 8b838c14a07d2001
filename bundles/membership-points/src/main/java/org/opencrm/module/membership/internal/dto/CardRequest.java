package org.opencrm.module.membership.internal.dto;

/**
 * Issue a card to a member (or a child card under {@code parentCardNumber}, sharing its member's pool, optionally
 * carried by another contact). {@code kind}: MEMBER, STORED_VALUE, DISCOUNT, COMBINED.
 */
public record CardRequest(Long memberId, String kind, String parentCardNumber, Long holderContactId, Integer discountPercent, Long storeAccountId,
        Boolean activate) {
}
