package org.opencrm.module.membership.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/** Add (positive) or take (negative) points by hand, with a reason. */
@ApiSchema(required = { "reason" })
public record AdjustRequest(String reference, Long points, String reason) {
}
