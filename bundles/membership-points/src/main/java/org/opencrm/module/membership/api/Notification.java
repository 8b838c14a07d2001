package org.opencrm.module.membership.api;

import java.time.Instant;

/**
 * A message to a member from the module's outbox. {@code channel} is "SMS" or "EMAIL"; {@code type} e.g.
 * "POINTS_EARNED", "POINTS_REDEEMED", "POINTS_ADJUSTED", "POINTS_EXPIRED", "VALUE_TOPPED_UP", "VALUE_SPENT",
 * "VALUE_REFUNDED", "TIER_CHANGED"; {@code id} is stable across retries (use it to drop duplicates at a gateway).
 */
public record Notification(long id, long memberId, String channel, String recipient, String type, String text, Instant createdAt) {
}
