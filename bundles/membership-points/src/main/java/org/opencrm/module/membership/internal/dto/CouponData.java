package org.opencrm.module.membership.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A coupon of a member: a multiplier and/or bonus points on one purchase; {@code code} is generated when absent. */
public record CouponData(Long id, String code, Long memberId, String name, BigDecimal multiplier, Long bonusPoints, LocalDate validUntil,
        boolean used, Instant usedAt, String usedByReference) {
}
