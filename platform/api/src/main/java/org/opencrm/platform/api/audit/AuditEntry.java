package org.opencrm.platform.api.audit;

import java.time.Instant;

/** One recorded change. {@code changes} is a JSON object of field to new value. */
public record AuditEntry(long id, Instant at, String actor, String recordType, String recordId, String action,
        String changes) {
}
