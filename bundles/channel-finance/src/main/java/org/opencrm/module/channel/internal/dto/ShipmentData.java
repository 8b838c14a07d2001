package org.opencrm.module.channel.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A shipment and its invoice. */
public record ShipmentData(long id, String number, long orderId, long accountId, LocalDate shippedOn, BigDecimal amount, Long invoiceId, String invoiceNumber) {
}
