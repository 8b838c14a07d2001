package org.opencrm.module.handset.internal.dto;

import java.util.List;

import org.opencrm.platform.rest.ApiSchema;

/**
 * Result of a CSV import, shaped like the core's contact import: good rows were saved, each failed row is listed with
 * its line, the column at fault and the reason, and nothing of a failed row was saved.
 */
@ApiSchema(name = "WarrantyCardImportReport")
public record ImportReport(long total, long imported, long failed, List<RowError> errors) {
    @ApiSchema(name = "WarrantyCardImportRowError")
    public record RowError(long line, String field, String message) {
    }
}
