package org.opencrm.platform.api.audit;

import java.util.Map;

import org.opencrm.platform.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who changed what and when, for every business record of every module. Call it inside the transaction that
 * makes the change, so the entry and the change commit or roll back together.
 */
@ProviderType
public interface AuditTrail {
    /** {@code changes}: field name to new value (old values are in earlier entries). */
    void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes);

    Page<AuditEntry> forRecord(String recordType, String recordId, int offset, int limit);

    /** Entries matching the query, newest first. */
    Page<AuditEntry> search(AuditQuery query, int offset, int limit);
}
