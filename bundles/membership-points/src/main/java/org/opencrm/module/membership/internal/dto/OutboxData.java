package org.opencrm.module.membership.internal.dto;

import java.time.Instant;

/** A notification in the outbox. */
public record OutboxData(long id, long memberId, String channel, String recipient, String type, String text, String status, int attempts,
        String sender, Instant createdAt, Instant sentAt) {
}
