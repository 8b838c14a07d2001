package org.opencrm.platform.api.audit;

import java.util.Map;

import org.opencrm.platform.api.Page;

/**
 * Who changed what and when, for every business record of every module. Call it inside the transaction that
 * makes the change, so the entry and the change commit or roll back together.
 */
public interface AuditTrail {
    /** {@code changes}: field name to new value (old values are in earlier entries). */
    void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes);

    Page<AuditEntry> forRecord(String recordType, String recordId, int offset, int limit);
}
