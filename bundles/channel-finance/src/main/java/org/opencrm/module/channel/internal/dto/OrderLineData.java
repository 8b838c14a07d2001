package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;

/** An order line; serialised when its product ships by serial number (IMEI), each unit listed. */
public record OrderLineData(long id, int lineNo, String productCode, String productName, int quantity, int shippedQuantity, BigDecimal unitPrice, BigDecimal amount, boolean serialised) {
}
