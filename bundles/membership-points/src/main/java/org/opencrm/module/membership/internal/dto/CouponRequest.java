package org.opencrm.module.membership.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.opencrm.platform.rest.ApiSchema;

/** Issue a coupon to a member: a multiplier and/or bonus points on one purchase; {@code code} is generated when absent. */
@ApiSchema(required = { "memberId" })
public record CouponRequest(Long memberId, String code, String name, BigDecimal multiplier, Long bonusPoints, LocalDate validUntil) {
}
