package org.opencrm.module.repair.internal.dto;

/** The customer's answer to the quote. */
public record QuoteDecision(Boolean accepted, String note) {
}
