package org.opencrm.module.audit.internal.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A corrective action; {@code overdue} when not closed and its due date has passed (business time zone). */
public record ActionData(Long id, Long auditId, Long auditItemId, Long storeId, String storeName, String itemCode, String question,
        String severity, String supervisor, LocalDate dueDate, boolean overdue, String status, String response, String respondedBy,
        Instant respondedAt, String verifyNote, String verifiedBy, Instant verifiedAt, int reopenCount, Instant escalatedAt,
        String escalatedTo, Long lockVersion, List<AuditData.PhotoData> evidence) {
}
