package org.opencrm.module.channel.internal.dto;


/** An order line: a product and a quantity (the price comes from the partner's price list). */
public record LineInput(String productCode, Integer quantity) {
}
