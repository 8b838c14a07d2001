package org.opencrm.platform.api.timeline;

import java.time.Instant;

/**
 * One fact on a customer's timeline. Modules record what they did for a contact or an account ("repair order
 * R-1 received", "300 points earned"); the core merges these with activities. {@code refType/refId} point back
 * to the module's own record so the UI can link to it.
 */
public record TimelineEntry(Long id, Long contactId, Long accountId, String moduleId, String type, String title,
        String detail, Instant occurredAt, String actor, String refType, String refId) {

    public static TimelineEntry of(Long contactId, Long accountId, String moduleId, String type, String title,
            String detail, String actor, String refType, String refId) {
        return new TimelineEntry(null, contactId, accountId, moduleId, type, title, detail, Instant.now(), actor,
                refType, refId);
    }
}
