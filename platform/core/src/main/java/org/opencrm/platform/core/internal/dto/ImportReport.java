package org.opencrm.platform.core.internal.dto;

import java.util.List;

/** Result of a CSV import: good rows were kept, failed rows are listed with the reason and nothing of them saved. */
public record ImportReport(long total, long imported, long failed, List<RowError> errors) {
    public record RowError(long line, String field, String message) {
    }
}
