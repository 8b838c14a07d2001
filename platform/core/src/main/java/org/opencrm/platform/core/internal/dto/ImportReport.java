package org.opencrm.platform.core.internal.dto;

import java.util.List;

/**
 * Result of a CSV import (or of its resumption: the whole import's counts): good rows were kept, failed rows are
 * listed with the reason (the first thousand) and nothing of them saved. {@code importId} names the import in
 * /contacts/imports/{id} (resume, rollback); {@code status} is COMPLETED when it got to the end of the file.
 */
public record ImportReport(Long importId, String status, long total, long imported, long failed, List<RowError> errors) {
    public record RowError(long line, String field, String message) {
    }
}
