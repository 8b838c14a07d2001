package org.opencrm.module.audit.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An audit with its sections' scores, items (answers) and photos. Scores are percentages with two decimals. The
 * section titles, questions and guidance are those of the template version the audit used, in {@code language}: the
 * viewer's where the version has texts in it, else the version's own.
 */
public record AuditData(Long id, Long storeId, String storeName, String region, Long templateId, String templateCode, Integer templateVersion,
        String auditor, boolean announced, String status, LocalDate auditDate, Instant startedAt, Instant submittedAt, BigDecimal score,
        String grade, boolean criticalFailed, String comment, String acknowledgedBy, Instant acknowledgedAt, Long lockVersion,
        List<SectionScore> sections, List<ItemAnswer> items, List<PhotoData> photos, String language) {

    public record SectionScore(String code, String title, BigDecimal score) {
    }

    public record ItemAnswer(Long id, String sectionCode, String code, String question, int weight, String answerType, int maxScore,
            boolean naAllowed, boolean critical, boolean photoRequiredOnFail, String severity, String answer, Integer score, boolean failed,
            String comment, String guidance) {
    }

    public record PhotoData(Long id, Long auditId, Long itemId, Long actionId, String contentType, String fileName, int size, int width,
            int height, Instant createdAt, String createdBy) {
    }

    /** A line of a list of audits. */
    public record Summary(Long id, Long storeId, String storeName, String region, String auditor, String status, LocalDate auditDate,
            BigDecimal score, String grade) {
    }
}
