package org.opencrm.module.audit.internal.service;

import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.audit.internal.dto.ResultData.*;
import org.opencrm.module.audit.internal.model.Audit;
import org.opencrm.module.audit.internal.model.Enums.ActionStatus;
import org.opencrm.module.audit.internal.model.Enums.AuditStatus;
import org.opencrm.module.audit.internal.model.StoreResult;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.sales.StoreSales;
import org.opencrm.platform.api.sales.StoreSalesFigures;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.persistence.Queries;

/** The results: store history and trend, rankings of stores and regions, most failed items, open and overdue actions, score beside sales. */
public class ResultsService {
    private final JpaTemplate jpa;
    private final StoreAccess access;
    private final BusinessClock clock;
    private final Supplier<List<StoreSalesFigures>> salesProviders;

    public ResultsService(JpaTemplate jpa, StoreAccess access, BusinessClock clock, Supplier<List<StoreSalesFigures>> salesProviders) {
        this.jpa = jpa;
        this.access = access;
        this.clock = clock;
        this.salesProviders = salesProviders;
    }

    /** A store's submitted audits, oldest first (at most the last 100). */
    public StoreHistory history(CrmUser user, long storeId) {
        user.require(READ);
        access.requireVisible(user, storeId, "store", storeId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Audit> audits = em.createQuery("SELECT a FROM Audit a WHERE a.storeAccountId = :s AND a.status = :st ORDER BY a.auditDate DESC, a.id DESC",
                    Audit.class).setParameter("s", storeId).setParameter("st", AuditStatus.SUBMITTED).setMaxResults(100).getResultList();
            List<org.opencrm.module.audit.internal.dto.AuditData.Summary> out = new ArrayList<>(audits.stream().map(AuditService::summary).toList());
            java.util.Collections.reverse(out);
            return new StoreHistory(storeId, audits.isEmpty() ? null : audits.get(0).storeName, out);
        });
    }

    /** Stores by their latest score, best first (worst first when asked), optionally of one region. */
    public Page<StoreRank> ranking(CrmUser user, String region, boolean worstFirst, PageRequest page) {
        user.require(READ);
        StoreAccess.Condition scope = access.filter(user, "r.storeAccountId");
        String where = " WHERE r.score IS NOT NULL" + (region == null || region.isBlank() ? "" : " AND r.region = :region") + scope.jpql();
        String order = worstFirst ? " ORDER BY r.score, r.storeAccountId" : " ORDER BY r.score DESC, r.storeAccountId";
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<StoreResult> items = scope.bind(em.createQuery("SELECT r FROM StoreResult r" + where + order, StoreResult.class));
            TypedQuery<Long> count = scope.bind(em.createQuery("SELECT COUNT(r) FROM StoreResult r" + where, Long.class));
            if (!(region == null || region.isBlank())) {
                items.setParameter("region", region);
                count.setParameter("region", region);
            }
            Page<StoreResult> found = Queries.page(items, count, page);
            List<StoreRank> ranks = new ArrayList<>();
            int rank = page.offset();
            for (StoreResult r : found.items()) {
                ranks.add(new StoreRank(++rank, r.storeAccountId, r.storeName, r.region, r.auditId, r.auditDate, r.score, r.grade, r.auditCount));
            }
            return new Page<>(ranks, found.total());
        });
    }

    /** Regions by the average of their stores' latest scores, best first. */
    public List<RegionRank> regions(CrmUser user) {
        user.require(READ);
        StoreAccess.Condition scope = access.filter(user, "r.storeAccountId");
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Object[]> rows = scope.bind(em.createQuery("SELECT r.region, COUNT(r), SUM(r.score), MIN(r.score), "
                    + "SUM(CASE WHEN r.grade IN ('D', 'FAIL') THEN 1 ELSE 0 END) FROM StoreResult r WHERE r.score IS NOT NULL" + scope.jpql()
                    + " GROUP BY r.region", Object[].class)).getResultList();
            List<RegionRank> out = new ArrayList<>();
            for (Object[] r : rows) {
                long stores = ((Number) r[1]).longValue();
                out.add(new RegionRank(0, (String) r[0], stores, average((BigDecimal) r[2], stores), (BigDecimal) r[3], ((Number) r[4]).longValue()));
            }
            out.sort((a, b) -> b.averageScore().compareTo(a.averageScore()));
            List<RegionRank> ranked = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                RegionRank r = out.get(i);
                ranked.add(new RegionRank(i + 1, r.region(), r.stores(), r.averageScore(), r.lowestScore(), r.failing()));
            }
            return ranked;
        });
    }

    /** Monthly average score of the audits submitted in the last {@code months} months (this one included). */
    public List<TrendPoint> trend(CrmUser user, Long storeId, int months) {
        user.require(READ);
        if (months < 1 || months > 60) {
            throw new InvalidInputException("months", "months must be 1 to 60", "audit.months");
        }
        if (storeId != null) {
            access.requireVisible(user, storeId, "store", storeId);
        }
        LocalDate first = clock.today().withDayOfMonth(1).minusMonths(months - 1L);
        int fromMonth = first.getYear() * 100 + first.getMonthValue();
        StoreAccess.Visible visible = access.visible(user);
        if (storeId == null && visible.all()) {
            // the network's trend: one aggregate row a month (kept by every submit) instead of every audit
            return jpa.txExpr(TransactionType.Supports, em -> points(first, em.createQuery(
                    "SELECT s.auditMonth, s.audits, s.scoreSum FROM MonthStat s WHERE s.auditMonth >= :from AND s.audits > 0 ORDER BY s.auditMonth",
                    Object[].class).setParameter("from", fromMonth).getResultList()));
        }
        if (storeId == null) {
            Optional<Map<String, List<Long>>> groups = access.groups(visible);
            if (groups.isPresent()) {
                // a region user's or a franchisee's trend: the month rows of their stores' groups
                return jpa.txExpr(TransactionType.Supports, em -> {
                    Map<Integer, Object[]> sums = new java.util.TreeMap<>();
                    groups.get().forEach((region, partners) -> {
                        for (Object[] r : em.createQuery("SELECT s.auditMonth, s.audits, s.scoreSum FROM GroupMonthStat s WHERE s.region = :r "
                                + "AND s.partnerId IN :p AND s.auditMonth >= :from", Object[].class).setParameter("r", region).setParameter("p", partners)
                                .setParameter("from", fromMonth).getResultList()) {
                            Object[] sum = sums.computeIfAbsent(((Number) r[0]).intValue(), m -> new Object[] { m, 0L, BigDecimal.ZERO });
                            sum[1] = (Long) sum[1] + ((Number) r[1]).longValue();
                            sum[2] = ((BigDecimal) sum[2]).add((BigDecimal) r[2]);
                        }
                    });
                    return points(first, sums.values().stream().filter(r -> (Long) r[1] > 0).toList());
                });
            }
        }
        StoreAccess.Condition scope = visible.on("a.storeAccountId");
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<Object[]> q = scope.bind(em.createQuery("SELECT a.auditMonth, COUNT(a), SUM(a.score) FROM Audit a WHERE a.status = :st "
                    + "AND a.auditMonth >= :from" + (storeId == null ? "" : " AND a.storeAccountId = :store") + scope.jpql()
                    + " GROUP BY a.auditMonth ORDER BY a.auditMonth", Object[].class));
            q.setParameter("st", AuditStatus.SUBMITTED).setParameter("from", fromMonth);
            if (storeId != null) {
                q.setParameter("store", storeId);
            }
            return points(first, q.getResultList());
        });
    }

    /** Trend points for every month from {@code first} to this one, from (month, audits, score sum) rows. */
    private List<TrendPoint> points(LocalDate first, List<Object[]> rows) {
        Map<Integer, TrendPoint> byMonth = new LinkedHashMap<>();
        for (Object[] r : rows) {
            int m = ((Number) r[0]).intValue();
            long n = ((Number) r[1]).longValue();
            byMonth.put(m, new TrendPoint(String.format(Locale.ROOT, "%04d-%02d", m / 100, m % 100), n, average((BigDecimal) r[2], n)));
        }
        List<TrendPoint> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(clock.today()); d = d.plusMonths(1)) {
            int m = d.getYear() * 100 + d.getMonthValue();
            out.add(byMonth.getOrDefault(m, new TrendPoint(String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue()), 0, null)));
        }
        return out;
    }

    /** The items failed most often in submitted audits between the days given (default: the last 12 months). */
    public List<FailedItem> mostFailed(CrmUser user, LocalDate from, LocalDate to, int limit) {
        user.require(READ);
        LocalDate end = to == null ? clock.today() : to;
        LocalDate start = from == null ? end.minusMonths(12) : from;
        int max = Math.max(1, Math.min(limit, 100));
        StoreAccess.Visible visible = access.visible(user);
        if (visible.all()) {
            return jpa.txExpr(TransactionType.Supports, em -> aggregatedMostFailed(em, start, end, max, new NetworkFailures(em)));
        }
        Optional<Map<String, List<Long>>> groups = access.groups(visible);
        if (groups.isPresent()) {
            // a region user's or a franchisee's: their stores' groups, by month and by day
            return jpa.txExpr(TransactionType.Supports, em -> aggregatedMostFailed(em, start, end, max, new GroupFailures(em, groups.get())));
        }
        StoreAccess.Condition scope = visible.on("i.storeAccountId");
        return jpa.txExpr(TransactionType.Supports, em -> scope.bind(em.createQuery("SELECT i.code, MIN(i.question), COUNT(i) FROM AuditItem i "
                + "WHERE i.failed = TRUE AND i.auditDate >= :from AND i.auditDate <= :to" + scope.jpql() + " GROUP BY i.code ORDER BY COUNT(i) DESC, i.code",
                Object[].class)).setParameter("from", start).setParameter("to", end).setMaxResults(max).getResultList()
                .stream().map(r -> new FailedItem((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList());
    }

    /** Where the aggregated most failed items come from: failures per item code of whole months and of days. */
    private interface Failures {
        /** Adds each code's failures of the months from {@code a} to {@code b} (yyyymm) that {@code take} accepts. */
        void months(int a, int b, java.util.function.IntPredicate take, Map<String, long[]> counts);

        /** Adds ({@code sign} 1) or subtracts (-1) each code's failures of the days from {@code from} to {@code to}. */
        void days(LocalDate from, LocalDate to, int sign, Map<String, long[]> counts);
    }

    private static void add(Map<String, long[]> counts, Object code, Object n, int sign) {
        counts.computeIfAbsent((String) code, k -> new long[1])[0] += sign * ((Number) n).longValue();
    }

    /** The network's (HQ): the monthly aggregate, and the failed items of the days counted on their index. */
    private record NetworkFailures(javax.persistence.EntityManager em) implements Failures {
        @Override
        public void months(int a, int b, java.util.function.IntPredicate take, Map<String, long[]> counts) {
            for (Object[] r : em.createQuery("SELECT s.auditMonth, s.code, s.failures FROM ItemMonthStat s WHERE s.auditMonth >= :a AND s.auditMonth <= :b",
                    Object[].class).setParameter("a", a).setParameter("b", b).getResultList()) {
                if (take.test(((Number) r[0]).intValue())) {
                    add(counts, r[1], r[2], 1);
                }
            }
        }

        @Override
        public void days(LocalDate from, LocalDate to, int sign, Map<String, long[]> counts) {
            // COUNT(i.code), not COUNT(i): every column the count reads is in the index of failed items by day and code, so
            // Derby counts on the index alone (COUNT(i) is COUNT(ID), which fetched each of the month's failed rows from the table)
            for (Object[] r : em.createQuery("SELECT i.code, COUNT(i.code) FROM AuditItem i WHERE i.failed = TRUE AND i.auditDate >= :from "
                    + "AND i.auditDate <= :to GROUP BY i.code", Object[].class).setParameter("from", from).setParameter("to", to).getResultList()) {
                add(counts, r[0], r[1], sign);
            }
        }
    }

    /**
     * A scoped user's whole groups (region → franchisees): the groups' month rows, and their day rows read one group
     * at a time on the index (region, franchisee, day), so a region reads its own groups' days and nothing of the
     * rest of the network.
     */
    private record GroupFailures(javax.persistence.EntityManager em, Map<String, List<Long>> groups) implements Failures {
        @Override
        public void months(int a, int b, java.util.function.IntPredicate take, Map<String, long[]> counts) {
            groups.forEach((region, partners) -> {
                for (Object[] r : em.createQuery("SELECT s.auditMonth, s.code, s.failures FROM GroupItemMonthStat s WHERE s.region = :r "
                        + "AND s.partnerId IN :p AND s.auditMonth >= :a AND s.auditMonth <= :b", Object[].class).setParameter("r", region)
                        .setParameter("p", partners).setParameter("a", a).setParameter("b", b).getResultList()) {
                    if (take.test(((Number) r[0]).intValue())) {
                        add(counts, r[1], r[2], 1);
                    }
                }
            });
        }

        @Override
        public void days(LocalDate from, LocalDate to, int sign, Map<String, long[]> counts) {
            groups.forEach((region, partners) -> {
                for (Long partner : partners) {
                    for (Object[] r : em.createQuery("SELECT s.code, SUM(s.failures) FROM GroupItemDayStat s WHERE s.region = :r AND s.partnerId = :p "
                            + "AND s.auditDate >= :from AND s.auditDate <= :to GROUP BY s.code", Object[].class).setParameter("r", region)
                            .setParameter("p", partner).setParameter("from", from).setParameter("to", to).getResultList()) {
                        add(counts, r[0], r[1], sign);
                    }
                }
            });
        }
    }

    /**
     * The most failed items from the aggregates; the same counts as the raw query over the period. Each month the
     * period covers whole comes from the month rows; a month it cuts from the day rows of the days it covers, or, when
     * those are more than half of the month, from the month's rows minus the days it leaves out (the default period,
     * today minus 12 months to today, cuts its first month near its start: a few days instead of most of the month).
     */
    private static List<FailedItem> aggregatedMostFailed(javax.persistence.EntityManager em, LocalDate start, LocalDate end, int max, Failures source) {
        if (start.isAfter(end)) {
            return List.of();
        }
        java.util.SortedSet<Integer> wholeMonths = new java.util.TreeSet<>();
        List<Runnable> days = new ArrayList<>();
        Map<String, long[]> counts = new java.util.HashMap<>();
        for (LocalDate m = start.withDayOfMonth(1); !m.isAfter(end); m = m.plusMonths(1)) {
            LocalDate monthEnd = m.withDayOfMonth(m.lengthOfMonth());
            LocalDate a = start.isAfter(m) ? start : m;
            LocalDate b = end.isBefore(monthEnd) ? end : monthEnd;
            int inside = b.getDayOfMonth() - a.getDayOfMonth() + 1;
            if (inside == m.lengthOfMonth()) {
                wholeMonths.add(month(m));
            } else if (2 * inside <= m.lengthOfMonth()) {
                days.add(() -> source.days(a, b, 1, counts));
            } else {
                wholeMonths.add(month(m));
                LocalDate first = m;
                if (a.isAfter(first)) {
                    days.add(() -> source.days(first, a.minusDays(1), -1, counts));
                }
                if (b.isBefore(monthEnd)) {
                    days.add(() -> source.days(b.plusDays(1), monthEnd, -1, counts));
                }
            }
        }
        if (!wholeMonths.isEmpty()) {
            source.months(wholeMonths.first(), wholeMonths.last(), wholeMonths::contains, counts);
        }
        days.forEach(Runnable::run);
        Map<String, String> questions = new java.util.HashMap<>();
        // the questions from the aggregate of every month the period touches (the raw query's MIN over the period, but
        // over the whole of a cut month: the same unless a template version worded an item differently within it)
        for (Object[] r : em.createQuery("SELECT s.code, MIN(s.question) FROM ItemMonthStat s WHERE s.auditMonth >= :a AND s.auditMonth <= :b GROUP BY s.code",
                Object[].class).setParameter("a", month(start)).setParameter("b", month(end)).getResultList()) {
            questions.put((String) r[0], (String) r[1]);
        }
        // a code that failed only on the days subtracted is at 0: the raw count does not list it
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(counts.entrySet().stream().filter(e -> e.getValue()[0] > 0).toList());
        sorted.sort((x, y) -> x.getValue()[0] != y.getValue()[0] ? Long.compare(y.getValue()[0], x.getValue()[0]) : x.getKey().compareTo(y.getKey()));
        List<FailedItem> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : sorted.subList(0, Math.min(max, sorted.size()))) {
            out.add(new FailedItem(e.getKey(), questions.get(e.getKey()), e.getValue()[0]));
        }
        return out;
    }

    private static int month(LocalDate d) {
        return d.getYear() * 100 + d.getMonthValue();
    }

    public ActionCounts actionCounts(CrmUser user) {
        user.require(READ);
        LocalDate today = clock.today();
        StoreAccess.Condition scope = access.filter(user, "c.storeAccountId");
        return jpa.txExpr(TransactionType.Supports, em -> {
            Object[] r = scope.bind(em.createQuery("SELECT SUM(CASE WHEN c.status = :open THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN c.status = :responded THEN 1 ELSE 0 END), SUM(CASE WHEN c.dueDate < :today THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN c.escalatedAt IS NOT NULL THEN 1 ELSE 0 END) FROM CorrectiveAction c WHERE c.status <> :closed" + scope.jpql(),
                    Object[].class)).setParameter("open", ActionStatus.OPEN).setParameter("responded", ActionStatus.RESPONDED)
                    .setParameter("today", today).setParameter("closed", ActionStatus.CLOSED).getSingleResult();
            return new ActionCounts(n(r[0]), n(r[1]), n(r[2]), n(r[3]));
        });
    }

    /** A page of the store ranking with each store's sales from every provider present, over the days given (default: the last 3 months). */
    public ScoreBesideSales scoreBesideSales(CrmUser user, LocalDate from, LocalDate to, Locale locale, PageRequest page) {
        LocalDate end = to == null ? clock.today() : to;
        LocalDate start = from == null ? end.minusMonths(3).plusDays(1) : from;
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "from is after to", "audit.period");
        }
        Page<StoreRank> ranks = ranking(user, null, false, page);
        List<Long> ids = ranks.items().stream().map(StoreRank::storeId).toList();
        List<StoreSalesFigures> providers = salesProviders.get();
        List<SalesProvider> names = new ArrayList<>();
        Map<String, Map<Long, StoreSales>> figures = new LinkedHashMap<>();
        for (StoreSalesFigures p : providers) {
            names.add(new SalesProvider(p.id(), p.label(locale)));
            figures.put(p.id(), ids.isEmpty() ? Map.of() : p.sales(ids, start, end));
        }
        List<SalesRow> rows = new ArrayList<>();
        for (StoreRank r : ranks.items()) {
            Map<String, Figure> f = new LinkedHashMap<>();
            figures.forEach((id, byStore) -> {
                StoreSales s = byStore.get(r.storeId());
                Money amount = s == null ? null : s.amount();
                f.put(id, new Figure(s == null ? 0 : s.count(), amount == null ? null : amount.yuan()));
            });
            rows.add(new SalesRow(r.storeId(), r.storeName(), r.region(), r.score(), r.grade(), f));
        }
        String note = providers.isEmpty() ? "noSalesModules" : null;
        return new ScoreBesideSales(start, end, names, note, rows);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static BigDecimal average(BigDecimal sum, long count) {
        if (sum == null || count == 0) {
            return null;
        }
        return sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** 404 unless the user sees the store (for the store page). */
    public void requireStore(CrmUser user, long storeId) {
        if (!access.canSee(user, storeId)) {
            throw new RecordNotFoundException("store", storeId);
        }
    }
}
