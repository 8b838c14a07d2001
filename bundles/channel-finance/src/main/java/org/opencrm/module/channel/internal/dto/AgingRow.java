package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** Open receivables by days overdue. */
public record AgingRow(long accountId, String accountName, BigDecimal current, BigDecimal days1to30, BigDecimal days31to60, BigDecimal days61to90, BigDecimal over90, BigDecimal total) {
}
