package org.opencrm.module.repair.internal.dto;

import java.math.BigDecimal;

/** An out-of-warranty quote in CNY (at most 2 decimals): parts and labour. */
public record QuoteInput(BigDecimal parts, BigDecimal labour) {
}
