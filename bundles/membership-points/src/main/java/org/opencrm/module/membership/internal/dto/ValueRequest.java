package org.opencrm.module.membership.internal.dto;

import java.math.BigDecimal;

/**
 * Top-up, spend or refund of stored value. A refund names the spend it gives back ({@code originalReference}) and
 * may not exceed what that spend has left.
 */
public record ValueRequest(String reference, BigDecimal amount, Long storeAccountId, String cardNumber, String originalReference, String note) {
}
