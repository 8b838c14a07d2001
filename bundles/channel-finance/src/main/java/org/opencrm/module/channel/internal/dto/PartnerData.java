package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/** A partner: its terms and its credit position now. */
public record PartnerData(long accountId, String accountName, String channelType, String grade, boolean gradeFixed, BigDecimal creditLimit, String term, int termDays, String creditStatus, String creditStatusReason, String creditStatusBy, Instant creditStatusAt, String accountManager, BigDecimal trailingSellIn, CreditData credit) {
}
