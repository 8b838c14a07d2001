package org.opencrm.platform.api.audit;

import java.time.Instant;

/**
 * A filter over the audit trail; every criterion is optional (null means any). {@code actor} and
 * {@code recordType} match exactly, {@code from} is inclusive and {@code to} exclusive.
 */
public record AuditQuery(String actor, String recordType, String recordId, String action, Instant from, Instant to) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);
}
