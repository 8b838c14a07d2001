package org.opencrm.platform.core.internal.dto;

import java.time.Instant;
import java.util.List;

/**
 * A recorded import: who started it and when, its state (RUNNING, COMPLETED, FAILED, INTERRUPTED, ROLLING_BACK,
 * ROLLED_BACK), its rows so far (saved with each committed chunk, so a running import shows its progress and an
 * interrupted one what was saved), what a rollback removed and kept, a message, and (for one import) the refused rows.
 */
public record ImportData(long id, String kind, String status, String actor, Instant startedAt, Instant finishedAt, Instant heartbeatAt, long total,
        long imported, long failed, long removed, long kept, String message, List<ImportReport.RowError> errors) {
}
