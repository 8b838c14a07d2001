package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** An order line. */
public record OrderLineData(long id, int lineNo, String productCode, String productName, int quantity, int shippedQuantity, BigDecimal unitPrice, BigDecimal amount) {
}
