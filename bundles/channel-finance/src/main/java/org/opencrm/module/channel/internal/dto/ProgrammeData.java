package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** A rebate programme. */
public record ProgrammeData(long id, String code, String name, String period, String grade, String mode, String tiers, BigDecimal target, BigDecimal bonus, boolean active) {
}
