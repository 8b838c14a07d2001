package org.opencrm.module.membership.internal.dto;

import java.math.BigDecimal;

/** A purchase paid ({@code amount} CNY) at a store; {@code reference} is the till's unique id of it. */
public record EarnRequest(String reference, BigDecimal amount, Long storeAccountId, String cardNumber, String couponCode, String note) {
}
