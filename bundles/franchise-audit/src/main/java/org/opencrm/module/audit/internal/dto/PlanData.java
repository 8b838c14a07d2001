package org.opencrm.module.audit.internal.dto;

import java.time.LocalDate;
import java.util.List;

/**
 * An audit plan. On creation the stores are chosen by {@code region}, by {@code parentAccountId} (the partner's stores)
 * or as a list {@code storeIds} (any combination; store and franchisee accounts only); {@code firstDue} is the first
 * due date of each (default: today + everyMonthsLowGrade).
 */
public record PlanData(Long id, String name, String templateCode, Integer everyMonths, Integer everyMonthsLowGrade, String supervisor,
        String manager, String region, Long parentAccountId, List<Long> storeIds, LocalDate firstDue, Boolean active, List<PlanStoreData> stores) {

    /** A store of a plan and its due date; overdue when the due date passed. */
    public record PlanStoreData(Long id, Long planId, String planName, Long storeId, String storeName, String supervisor, LocalDate dueDate,
            boolean overdue, Long lastAuditId) {
    }
}
