package org.opencrm.module.audit.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the results pages show. Scores are percentages with two decimals; averages are rounded half-up. */
public final class ResultData {
    private ResultData() {
    }

    /** A store's place by its latest submitted audit. */
    public record StoreRank(int rank, Long storeId, String storeName, String region, Long auditId, LocalDate auditDate, BigDecimal score,
            String grade, int audits) {
    }

    /** A region's average of its stores' latest scores. */
    public record RegionRank(int rank, String region, long stores, BigDecimal averageScore, BigDecimal lowestScore, long failing) {
    }

    /** One point of a trend: the average score of the audits submitted in a month (yyyy-MM). */
    public record TrendPoint(String month, long audits, BigDecimal averageScore) {
    }

    public record FailedItem(String code, String question, long failures) {
    }

    public record ActionCounts(long open, long responded, long overdue, long escalated) {
    }

    /** A store's history: its submitted audits, oldest first (the trend). */
    public record StoreHistory(Long storeId, String storeName, List<AuditData.Summary> audits) {
    }

    /** The figures of one sales provider for one store: count and amount in yuan (null when the figure has none). */
    public record Figure(long count, BigDecimal amount) {
    }

    public record SalesProvider(String id, String label) {
    }

    /**
     * Stores by latest score beside their sales from every provider present ({@code providers} empty and
     * {@code note} set when no module provides sales).
     */
    public record ScoreBesideSales(LocalDate from, LocalDate to, List<SalesProvider> providers, String note, List<SalesRow> rows) {
    }

    public record SalesRow(Long storeId, String storeName, String region, BigDecimal score, String grade, Map<String, Figure> figures) {
    }
}
