package org.opencrm.platform.api.audit;

import java.time.Instant;

/**
 * One recorded change. {@code changes} is a JSON object of field to new value. {@code accountId} is the account the
 * changed record belonged to when it was written (its own account, its contact's, the store or centre where it
 * happened), or null for records of the whole company (catalogues, users, modules): who may read the entry follows
 * from it (see {@link AuditTrail}).
 */
public record AuditEntry(long id, Instant at, String actor, String recordType, String recordId, String action, String changes,
        Long accountId) {

    /** An entry without an account (the shape of API 1.1). */
    public AuditEntry(long id, Instant at, String actor, String recordType, String recordId, String action, String changes) {
        this(id, at, actor, recordType, recordId, action, changes, null);
    }
}
