package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** The price of a product for a grade, in CNY. */
public record PriceData(String grade, String productCode, String productName, BigDecimal price) {
}
