package org.opencrm.module.repair.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/** The customer's answer to the quote. */
@ApiSchema(required = { "accepted" })
public record QuoteDecision(Boolean accepted, String note) {
}
