package org.opencrm.module.repair.internal.dto;

/** One part of a parts order. */
public record OrderLineInput(String partNumber, Long quantity) {
}
