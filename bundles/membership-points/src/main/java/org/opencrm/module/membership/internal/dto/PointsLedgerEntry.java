package org.opencrm.module.membership.internal.dto;

import java.time.Instant;

/** One row of the points ledger, newest first. */
public record PointsLedgerEntry(long id, String kind, long points, long balanceAfter, String reference, Long storeAccountId, String actor,
        String reason, Instant createdAt, Instant expiresAt) {
}
