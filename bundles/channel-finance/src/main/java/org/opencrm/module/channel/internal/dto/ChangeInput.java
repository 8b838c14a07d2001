package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** A change of one of a partner's terms with its reason: grade (null releases an HQ-fixed grade to the evaluation), creditLimit, term or status. */
public record ChangeInput(String grade, BigDecimal creditLimit, String term, String status, String reason) {
}
