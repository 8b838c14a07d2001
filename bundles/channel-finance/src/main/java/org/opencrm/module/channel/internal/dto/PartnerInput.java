package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** A partner profile to create or change (accountId on create only); creditLimit in CNY. */
public record PartnerInput(Long accountId, String channelType, BigDecimal creditLimit, String term, String grade, String accountManager, String reason) {
}
