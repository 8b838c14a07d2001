package org.opencrm.module.membership.internal.dto;

/** Take {@code points} for their cash value at a store; {@code reference} unique per request. */
public record RedeemRequest(String reference, Long points, Long storeAccountId, String cardNumber, String note) {
}
