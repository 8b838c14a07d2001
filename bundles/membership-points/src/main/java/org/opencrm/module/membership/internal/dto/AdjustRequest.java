package org.opencrm.module.membership.internal.dto;

/** Add (positive) or take (negative) points by hand, with a reason. */
public record AdjustRequest(String reference, Long points, String reason) {
}
