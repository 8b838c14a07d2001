package org.opencrm.module.audit.internal.service;

import static org.junit.jupiter.api.Assertions.*;
import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.Test;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.module.audit.internal.dto.ResultData;
import org.opencrm.module.audit.internal.model.Audit;
import org.opencrm.module.audit.internal.model.AuditItem;
import org.opencrm.module.audit.internal.model.Enums.ActionStatus;
import org.opencrm.module.audit.internal.model.StoreResult;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;

/**
 * The monthly aggregates (trend, most failed items) against the raw rows, after real submits and after the bulk
 * loader; the loader's derived rows against what the submit path computes; the scope of the results unchanged.
 */
class AggregatesTest {
    static final PageRequest ALL = PageRequest.of(null, 0, 500);

    /** (month, audits, score sum) and (month/code, failures, question) as the tables hold them. */
    private static Map<String, String> aggregates(AuditOnTestKit t) {
        return t.jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, String> out = new TreeMap<>();
            for (Object[] r : em.createQuery("SELECT s.auditMonth, s.audits, s.scoreSum FROM MonthStat s", Object[].class).getResultList()) {
                out.put("month " + r[0], r[1] + " " + ((BigDecimal) r[2]).setScale(2));
            }
            for (Object[] r : em.createQuery("SELECT s.auditMonth, s.code, s.failures, s.question FROM ItemMonthStat s", Object[].class).getResultList()) {
                out.put("item " + r[0] + "/" + r[1], r[2] + " " + r[3]);
            }
            return out;
        });
    }

    /** The aggregates as the schema step rebuilds them from the raw rows (the tables are restored afterwards). */
    private static Map<String, String> rebuilt(AuditOnTestKit t) {
        Map<String, String> kept = aggregates(t);
        t.jpa.tx(TransactionType.RequiresNew, em -> {
            try {
                MonthStats.rebuild(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, String> out = aggregates(t);
        assertFalse(out.isEmpty(), "the raw rows give aggregates");
        assertEquals(kept.keySet(), out.keySet());
        return out;
    }

    /** The most failed items straight from the answered items, as the scoped path counts them. */
    private static List<ResultData.FailedItem> rawMostFailed(AuditOnTestKit t, LocalDate from, LocalDate to) {
        return t.jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT i.code, MIN(i.question), COUNT(i) FROM AuditItem i "
                + "WHERE i.failed = TRUE AND i.auditDate >= :from AND i.auditDate <= :to GROUP BY i.code ORDER BY COUNT(i) DESC, i.code", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(r -> new ResultData.FailedItem((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList());
    }

    /** The scoped aggregates (groups, month rows, item rows) as the tables hold them. */
    private static Map<String, String> groupAggregates(AuditOnTestKit t) {
        return t.jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, String> out = new TreeMap<>();
            for (Object[] r : em.createQuery("SELECT g.storeAccountId, g.region, g.partnerId FROM StoreGroup g", Object[].class).getResultList()) {
                out.put("store " + r[0], r[1] + "/" + r[2]);
            }
            for (Object[] r : em.createQuery("SELECT s.auditMonth, s.region, s.partnerId, s.audits, s.scoreSum FROM GroupMonthStat s", Object[].class)
                    .getResultList()) {
                out.put("month " + r[0] + "/" + r[1] + "/" + r[2], r[3] + " " + ((BigDecimal) r[4]).setScale(2));
            }
            for (Object[] r : em.createQuery("SELECT s.auditMonth, s.region, s.partnerId, s.code, s.failures FROM GroupItemMonthStat s", Object[].class)
                    .getResultList()) {
                out.put("item " + r[0] + "/" + r[1] + "/" + r[2] + "/" + r[3], String.valueOf(r[4]));
            }
            for (Object[] r : em.createQuery("SELECT s.auditDate, s.region, s.partnerId, s.code, s.failures FROM GroupItemDayStat s", Object[].class)
                    .getResultList()) {
                out.put("day " + r[0] + "/" + r[1] + "/" + r[2] + "/" + r[3], String.valueOf(r[4]));
            }
            return out;
        });
    }

    /** The scoped aggregates as schema steps 3 (groups, months) and 4 (days) rebuild them from the raw rows. */
    private static Map<String, String> rebuiltGroups(AuditOnTestKit t) {
        t.jpa.tx(TransactionType.RequiresNew, em -> {
            try {
                MonthStats.rebuildGroups(em.unwrap(Connection.class));
                MonthStats.rebuildGroupDays(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return groupAggregates(t);
    }

    /** A user's trend straight from the audits with the user's scope condition (the raw-row path). */
    private static List<ResultData.TrendPoint> rawTrend(AuditOnTestKit t, CrmUser user, int months) {
        LocalDate first = t.kit.clock().today().withDayOfMonth(1).minusMonths(months - 1L);
        int from = first.getYear() * 100 + first.getMonthValue();
        StoreAccess.Condition scope = t.access.filter(user, "a.storeAccountId");
        Map<Integer, long[]> audits = new TreeMap<>();
        Map<Integer, BigDecimal> sums = new TreeMap<>();
        t.jpa.tx(TransactionType.Supports, em -> scope.bind(em.createQuery("SELECT a.auditMonth, COUNT(a), SUM(a.score) FROM Audit a WHERE a.status = "
                + "org.opencrm.module.audit.internal.model.Enums.AuditStatus.SUBMITTED AND a.auditMonth >= :from" + scope.jpql() + " GROUP BY a.auditMonth",
                Object[].class)).setParameter("from", from).getResultList().forEach(r -> {
                    audits.put(((Number) r[0]).intValue(), new long[] { ((Number) r[1]).longValue() });
                    sums.put(((Number) r[0]).intValue(), (BigDecimal) r[2]);
                }));
        List<ResultData.TrendPoint> out = new java.util.ArrayList<>();
        for (LocalDate d = first; !d.isAfter(t.kit.clock().today()); d = d.plusMonths(1)) {
            int m = d.getYear() * 100 + d.getMonthValue();
            long n = audits.containsKey(m) ? audits.get(m)[0] : 0;
            out.add(new ResultData.TrendPoint(String.format("%04d-%02d", d.getYear(), d.getMonthValue()), n, n == 0 ? null : ResultsService.average(sums.get(m), n)));
        }
        return out;
    }

    /** A user's most failed items straight from the answered items with the user's scope condition (the raw-row path). */
    private static List<ResultData.FailedItem> rawMostFailed(AuditOnTestKit t, CrmUser user, LocalDate from, LocalDate to) {
        StoreAccess.Condition scope = t.access.filter(user, "i.storeAccountId");
        return t.jpa.txExpr(TransactionType.Supports, em -> scope.bind(em.createQuery("SELECT i.code, MIN(i.question), COUNT(i) FROM AuditItem i "
                + "WHERE i.failed = TRUE AND i.auditDate >= :from AND i.auditDate <= :to" + scope.jpql() + " GROUP BY i.code ORDER BY COUNT(i) DESC, i.code",
                Object[].class)).setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(r -> new ResultData.FailedItem((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList());
    }

    private static final LocalDate[][] PERIODS = { { LocalDate.of(2023, 4, 2), LocalDate.of(2024, 4, 2) },
            { LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31) }, { LocalDate.of(2024, 3, 21), LocalDate.of(2024, 4, 30) },
            { LocalDate.of(2024, 4, 3), LocalDate.of(2024, 4, 30) }, { LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 30) },
            // months cut near one end (the month's rows minus the days left out), near both, a few days, one day
            { LocalDate.of(2024, 3, 2), LocalDate.of(2024, 4, 24) }, { LocalDate.of(2024, 3, 19), LocalDate.of(2024, 4, 25) },
            { LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 26) }, { LocalDate.of(2024, 4, 10), LocalDate.of(2024, 4, 12) },
            { LocalDate.of(2024, 3, 20), LocalDate.of(2024, 3, 20) }, { LocalDate.of(2023, 3, 21), LocalDate.of(2024, 3, 20) } };

    /** Each user's trend and most failed items against the raw-row path; whether the aggregates were used. */
    private static void assertSameAsRaw(AuditOnTestKit t, CrmUser u, boolean grouped) {
        assertEquals(grouped, t.access.groups(t.access.visible(u)).isPresent(), u.username());
        assertEquals(rawTrend(t, u, 3), t.results.trend(u, null, 3), u.username());
        for (LocalDate[] period : PERIODS) {
            assertEquals(rawMostFailed(t, u, period[0], period[1]), t.results.mostFailed(u, period[0], period[1], 20), u.username() + " " + period[0]);
        }
        LocalDate today = t.kit.clock().today();
        assertEquals(rawMostFailed(t, u, today.minusMonths(12), today), t.results.mostFailed(u, null, null, 20), u.username());
    }

    @Test
    void scopedAggregatesEqualTheRawRowsPerScopeIncludingACorrection() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            CrmUser south = t.kit.region("south", "SOUTH", READ);
            CrmUser north = t.kit.region("north", "NORTH", READ);
            long south2 = t.kit.account("南山二店", "STORE", "SOUTH", t.partner);
            long south3 = t.kit.account("福田店", "STORE", "SOUTH", null);
            long north2 = t.kit.account("海淀店", "STORE", "NORTH", null);
            long south4 = t.kit.account("罗湖店", "STORE", "SOUTH", t.partner);
            AuditFlowTest.doAudit(t, t.hq, south4, "SA-03");
            AuditFlowTest.doAudit(t, t.hq, t.storeA, "VI-01", "SA-03");
            AuditFlowTest.doAudit(t, t.hq, south2, "VI-01");
            AuditFlowTest.doAudit(t, t.hq, south3, "SV-02");
            AuditFlowTest.doAudit(t, t.hq, t.storeB, "VI-01");
            t.kit.clock().set(LocalDateTime.of(2024, 4, 2, 9, 0));
            AuditFlowTest.doAudit(t, t.hq, south2, "SV-02");
            // a correction of south2's April audit: a new audit of the same store, the same month
            AuditFlowTest.doAudit(t, t.hq, south2, "VI-01", "SV-02");
            AuditFlowTest.doAudit(t, t.hq, north2, "SA-03", "VI-01");
            AuditFlowTest.doAudit(t, t.hq, t.storeB);

            Map<String, String> kept = groupAggregates(t);
            assertEquals(kept, rebuiltGroups(t));
            assertEquals("SOUTH/" + t.partner, kept.get("store " + south2));
            assertEquals("2", kept.get("item 202404/SOUTH/" + t.partner + "/SV-02"));

            // a franchisee (its subtree: the stores under it) and a region user (its region's stores) sum their groups
            for (CrmUser u : List.of(t.franchiseeA, t.franchiseeB, south, north)) {
                assertSameAsRaw(t, u, true);
            }
            assertEquals(2, t.results.trend(south, null, 1).get(0).audits(), "south2 twice (a correction) and nothing else of SOUTH in April");
            assertEquals(List.of("SV-02", "VI-01"), t.results.mostFailed(south, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30), 10).stream()
                    .map(ResultData.FailedItem::code).toList());
            // isolation: the franchisee's counts are its stores' only (storeA and south2), nothing of south3 or the north
            assertEquals(List.of(new ResultData.FailedItem("VI-01", t.results.mostFailed(t.hq, null, null, 1).get(0).question(), 3L)),
                    t.results.mostFailed(t.franchiseeA, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30), 1));
            // a supervisor of storeB, the only store of its group: the group's rows are exactly its store's, so the aggregates
            t.plans.create(t.hq, new org.opencrm.module.audit.internal.dto.PlanData(null, "华北", null, 3, 1, "sup", "boss", null, null, List.of(t.storeB),
                    null, null, null));
            assertSameAsRaw(t, t.supervisor, true);
            // a store user sees one store of its franchisee's group (south2 beside south4): the raw rows
            CrmUser clerk = t.kit.partner("clerk", south2, READ);
            assertSameAsRaw(t, clerk, false);
            // a north region user who also supervises south2: part of a group only, the raw rows
            CrmUser northSup = t.kit.region("sup2", "NORTH", READ, PERFORM, VERIFY);
            t.plans.create(t.hq, new org.opencrm.module.audit.internal.dto.PlanData(null, "华南二", null, 3, 1, "sup2", "boss", null, null, List.of(south2),
                    null, null, null));
            assertSameAsRaw(t, northSup, false);

            // south4 moved to the north after its group (SOUTH, with south2) was recorded: neither region maps onto whole groups, the raw rows answer
            t.jpa.tx(TransactionType.Required, em -> em.createNativeQuery("UPDATE CRM_ACCOUNT SET REGION = 'NORTH' WHERE ID = ?").setParameter(1, south4)
                    .executeUpdate());
            assertSameAsRaw(t, south, false);
            assertSameAsRaw(t, north, false);
            assertSameAsRaw(t, t.franchiseeA, true);
            // the rebuild puts it in its new group, and both regions read aggregates again
            rebuiltGroups(t);
            assertSameAsRaw(t, south, true);
            assertSameAsRaw(t, north, true);
            // a user who sees no store: nothing, from the aggregates
            CrmUser none = t.kit.region("none", "NOWHERE", READ);
            assertSameAsRaw(t, none, true);
            assertTrue(t.results.mostFailed(none, null, null, 10).isEmpty());

            // audits late in April: the periods above then cut April near either end, and the day rows of the groups
            // (added by the submit, rebuilt by step 4) answer for the cut days, subtracted from the month's rows or added
            t.kit.clock().set(LocalDateTime.of(2024, 4, 25, 9, 0));
            AuditFlowTest.doAudit(t, t.hq, south3, "SA-03");
            AuditFlowTest.doAudit(t, t.hq, t.storeA, "VI-01", "SV-02");
            Map<String, String> late = groupAggregates(t);
            assertEquals(late, rebuiltGroups(t));
            assertEquals("1", late.get("day 2024-04-25/SOUTH/0/SA-03"), late.toString());
            for (CrmUser u : List.of(t.hq, t.franchiseeA, t.franchiseeB, south, north, t.supervisor)) {
                assertSameAsRaw(t, u, true);
            }
            // SV-02 failed on April 2 and 25 in the franchisee's stores; April 3..24 (month minus the days left out) has none
            assertTrue(t.results.mostFailed(t.franchiseeA, LocalDate.of(2024, 4, 3), LocalDate.of(2024, 4, 24), 10).isEmpty());
        }
    }

    @Test
    void submitsKeepTheAggregatesEqualToTheRawRowsIncludingACorrection() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditFlowTest.doAudit(t, t.hq, t.storeA, "VI-01", "SA-03");
            AuditFlowTest.doAudit(t, t.hq, t.storeB, "VI-01");
            t.kit.clock().set(LocalDateTime.of(2024, 4, 2, 9, 0));
            AuditFlowTest.doAudit(t, t.hq, t.storeA, "SV-02");
            // a correction of storeB's April audit: a new audit of the same store, the same month
            AuditFlowTest.doAudit(t, t.hq, t.storeB, "VI-01", "SV-02");
            AuditFlowTest.doAudit(t, t.hq, t.storeB);
            // an audit started but never submitted counts nowhere
            t.audits.start(t.hq, new org.opencrm.module.audit.internal.dto.Requests.StartAudit(t.storeA, null, null, false, null));

            Map<String, String> kept = aggregates(t);
            assertEquals(kept, rebuilt(t));
            assertEquals("2 ", kept.get("month 202403").substring(0, 2));
            assertEquals("3 ", kept.get("month 202404").substring(0, 2));
            assertTrue(kept.get("item 202404/SV-02").startsWith("2 "), kept.toString());

            // the network's trend (aggregate) equals the trend of the same stores read from the audits (a franchisee each)
            List<ResultData.TrendPoint> network = t.results.trend(t.hq, null, 3);
            assertEquals(List.of(0L, 2L, 3L), network.stream().map(ResultData.TrendPoint::audits).toList());
            BigDecimal aprilSum = t.jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                    "SELECT SUM(a.score) FROM Audit a WHERE a.status = org.opencrm.module.audit.internal.model.Enums.AuditStatus.SUBMITTED "
                            + "AND a.auditMonth = 202404", BigDecimal.class).getSingleResult());
            assertEquals(ResultsService.average(aprilSum, 3), network.get(2).averageScore());
            long perFranchisee = t.results.trend(t.franchiseeA, null, 3).get(2).audits() + t.results.trend(t.franchiseeB, null, 3).get(2).audits();
            assertEquals(3, perFranchisee);

            // most failed: whole months from the aggregate, cut months from the items: the same as the raw count
            for (LocalDate[] period : new LocalDate[][] { { LocalDate.of(2023, 4, 2), LocalDate.of(2024, 4, 2) },
                    { LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31) }, { LocalDate.of(2024, 3, 21), LocalDate.of(2024, 4, 30) },
                    { LocalDate.of(2024, 4, 3), LocalDate.of(2024, 4, 30) } }) {
                assertEquals(rawMostFailed(t, period[0], period[1]), t.results.mostFailed(t.hq, period[0], period[1], 20),
                        period[0] + ".." + period[1]);
            }
            assertEquals(rawMostFailed(t, LocalDate.of(2023, 4, 2), LocalDate.of(2024, 4, 2)), t.results.mostFailed(t.hq, null, null, 20));
            assertEquals("VI-01", t.results.mostFailed(t.hq, null, null, 1).get(0).code());
        }
    }

    @Test
    void scopeOfTheResultsIsUnchanged() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditFlowTest.doAudit(t, t.hq, t.storeA, "VI-01");
            AuditFlowTest.doAudit(t, t.hq, t.storeB, "SA-03");
            CrmUser south = t.kit.region("south", "SOUTH", READ);
            long southStore = t.kit.account("南山二店", "STORE", "SOUTH", null);
            AuditFlowTest.doAudit(t, t.hq, southStore, "SV-02");

            assertEquals(List.of(t.storeA), t.results.ranking(t.franchiseeA, null, false, ALL).items().stream().map(ResultData.StoreRank::storeId).toList());
            assertEquals(List.of(t.storeB), t.results.ranking(t.franchiseeB, null, true, ALL).items().stream().map(ResultData.StoreRank::storeId).toList());
            List<Long> region = t.results.ranking(south, null, false, ALL).items().stream().map(ResultData.StoreRank::storeId).toList();
            assertTrue(region.contains(southStore) && !region.contains(t.storeB), region.toString());
            assertEquals(List.of("VI-01"), t.results.mostFailed(t.franchiseeA, null, null, 10).stream().map(ResultData.FailedItem::code).toList());
            assertEquals(1, t.results.trend(t.franchiseeB, null, 1).get(0).audits());
            assertEquals(3, t.results.trend(t.hq, null, 1).get(0).audits());
            // a supervisor sees the stores of their plans only, by the listed ids
            t.plans.create(t.hq, new org.opencrm.module.audit.internal.dto.PlanData(null, "华北", null, 3, 1, "sup", "boss", null, null, List.of(t.storeB),
                    null, null, null));
            assertEquals(List.of(t.storeB), t.results.ranking(t.supervisor, null, false, ALL).items().stream().map(ResultData.StoreRank::storeId).toList());
            assertEquals(List.of("SA-03"), t.results.mostFailed(t.supervisor, null, null, 10).stream().map(ResultData.FailedItem::code).toList());
            // nobody's stores: nothing
            CrmUser none = t.kit.region("none", "NOWHERE", READ);
            assertEquals(0, t.results.ranking(none, null, false, ALL).total());
        }
    }

    @Test
    void benchDataGivesTheRowsTheSubmitPathGives() {
        try (AuditOnTestKit t = new AuditOnTestKit()) {
            AuditBenchData.Loaded l = t.bench.load(3, 4, 12, 16);
            assertEquals(12, l.audits());
            assertEquals(144, l.items());
            // a second load is refused: benchmark data goes into an empty instance only
            ConflictException again = assertThrows(ConflictException.class, () -> t.bench.load(3, 4, 12, 16));
            assertEquals("audit.bench.notEmpty", again.messageKey());
            // the indexes the load builds at its end are there
            t.jpa.tx(TransactionType.Supports, em -> {
                assertTrue(org.opencrm.platform.persistence.Schema.index(em, AuditItem.TABLE, AuditItem.FAILED_INDEX).isPresent());
                assertTrue(org.opencrm.platform.persistence.Schema.index(em, "FA_ACTION", "FA_ACTION_DUE").isPresent());
            });

            // each audit's score and grade are the scoring rule's over its items as read back
            List<Audit> audits = t.jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT a FROM Audit a ORDER BY a.id", Audit.class).getResultList());
            long failedItems = 0;
            for (Audit a : audits) {
                AuditData d = t.audits.get(t.hq, a.id);
                assertEquals(12, d.items().size());
                assertEquals(a.score, d.score(), "the live score of audit " + a.id);
                List<AuditItem> items = t.jpa.txExpr(TransactionType.Supports, em -> AuditService.items(em, a.id));
                Scoring.Result r = Scoring.score(items.stream().map(AuditService::scoringItem).toList(), Scoring.Thresholds.DEFAULT);
                assertEquals(r.total(), a.score);
                assertEquals(r.grade(), a.grade);
                for (AuditItem i : items) {
                    assertEquals(AuditService.scoringItem(i).failed(), i.failed, i.code);
                    failedItems += i.failed ? 1 : 0;
                }
            }
            assertTrue(failedItems > 0, "some items failed");
            // one action per failed item, open only for each store's latest audit
            assertEquals(failedItems, l.actions());
            long open = t.jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(c) FROM CorrectiveAction c WHERE c.status = :s", Long.class)
                    .setParameter("s", ActionStatus.OPEN).getSingleResult());
            long latestFailed = t.jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(i) FROM AuditItem i, StoreResult r "
                    + "WHERE i.auditId = r.auditId AND i.failed = TRUE", Long.class).getSingleResult());
            assertEquals(latestFailed, open);

            // each store's latest result is its latest audit, as the submit's update keeps it
            List<StoreResult> results = t.jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT r FROM StoreResult r", StoreResult.class).getResultList());
            assertEquals(3, results.size());
            for (StoreResult r : results) {
                Audit latest = audits.stream().filter(a -> a.storeAccountId.equals(r.storeAccountId))
                        .max(java.util.Comparator.comparing((Audit a) -> a.auditDate).thenComparing(a -> a.id)).orElseThrow();
                assertEquals(latest.id, r.auditId);
                assertEquals(latest.score, r.score);
                assertEquals(latest.grade, r.grade);
                assertEquals(latest.region, r.region);
                assertEquals(4, r.auditCount);
            }
            // the aggregates are what the schema step computes from the raw rows
            assertEquals(aggregates(t), rebuilt(t));
            Map<String, String> groups = groupAggregates(t);
            assertFalse(groups.isEmpty());
            assertEquals(groups, rebuiltGroups(t));

            // a submit after the load adds to them as to any other
            AuditFlowTest.doAudit(t, t.hq, results.get(0).storeAccountId);
            assertEquals(aggregates(t), rebuilt(t));
            Map<String, String> afterSubmit = groupAggregates(t);
            assertEquals(afterSubmit, rebuiltGroups(t));
            assertEquals(4, t.results.trend(t.hq, null, 1).get(0).audits());
        }
    }
}
