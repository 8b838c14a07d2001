package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** A rebate programme: tiers as 'thresholdCNY:ratePercent;...', mode WHOLE or MARGINAL, target and bonus in CNY (0: none). */
public record ProgrammeInput(String code, String name, String period, String grade, String mode, String tiers, BigDecimal target, BigDecimal bonus) {
}
