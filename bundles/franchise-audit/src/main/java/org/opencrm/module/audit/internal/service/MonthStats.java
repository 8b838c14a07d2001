package org.opencrm.module.audit.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.persistence.EntityManager;

import org.opencrm.module.audit.internal.model.Audit;
import org.opencrm.module.audit.internal.model.AuditItem;
import org.opencrm.module.audit.internal.model.GroupItemDayStat;
import org.opencrm.module.audit.internal.model.GroupItemMonthStat;
import org.opencrm.module.audit.internal.model.GroupMonthStat;
import org.opencrm.module.audit.internal.model.ItemMonthStat;
import org.opencrm.module.audit.internal.model.MonthStat;
import org.opencrm.module.audit.internal.model.StoreGroup;

/**
 * The monthly aggregates of submitted audits ({@link MonthStat}: audits and score sum; {@link ItemMonthStat}: failures
 * per item code): added to in the submit's transaction, written by the bulk loader, rebuilt from the raw rows by the
 * schema step that introduced them. The network trend and the most failed items read them instead of every audit.
 */
public final class MonthStats {
    private MonthStats() {
    }

    /**
     * Adds a submitted audit and its failed items. Two submits that create the same month's row at once: the loser
     * fails on the key and its transaction runs again (the submit retries on a unique violation), then updates.
     */
    static void add(EntityManager em, Audit a, List<AuditItem> failed) {
        int updated = em.createQuery("UPDATE MonthStat s SET s.audits = s.audits + 1, s.scoreSum = s.scoreSum + :score WHERE s.auditMonth = :m")
                .setParameter("score", a.score).setParameter("m", a.auditMonth).executeUpdate();
        if (updated == 0) {
            MonthStat s = new MonthStat();
            s.auditMonth = a.auditMonth;
            s.audits = 1;
            s.scoreSum = a.score;
            em.persist(s);
        }
        for (AuditItem i : failed) {
            int n = em.createQuery("UPDATE ItemMonthStat s SET s.failures = s.failures + 1 WHERE s.auditMonth = :m AND s.code = :c")
                    .setParameter("m", a.auditMonth).setParameter("c", i.code).executeUpdate();
            if (n == 0) {
                ItemMonthStat s = new ItemMonthStat();
                s.auditMonth = a.auditMonth;
                s.code = i.code;
                s.failures = 1;
                s.question = i.question;
                em.persist(s);
            } else {
                // the raw query's MIN(question) when a new template version words the item differently
                em.createQuery("UPDATE ItemMonthStat s SET s.question = :q WHERE s.auditMonth = :m AND s.code = :c AND s.question > :q")
                        .setParameter("q", i.question).setParameter("m", a.auditMonth).setParameter("c", i.code).executeUpdate();
            }
        }
        addToGroup(em, a, failed);
        em.flush();
    }

    /**
     * Adds the audit to its store's group (region × franchisee): the group is the one recorded at the store's first
     * submit, read then from the core's account table (same database); a store moved since keeps its group, and the
     * read side then finds the scope no longer matching the groups and reads the raw rows.
     */
    private static void addToGroup(EntityManager em, Audit a, List<AuditItem> failed) {
        StoreGroup g = em.find(StoreGroup.class, a.storeAccountId);
        if (g == null) {
            g = new StoreGroup();
            g.storeAccountId = a.storeAccountId;
            @SuppressWarnings("unchecked")
            List<Object[]> acc = em.createNativeQuery("SELECT REGION, PARENTID FROM CRM_ACCOUNT WHERE ID = ?").setParameter(1, a.storeAccountId)
                    .getResultList();
            Object[] r = acc.isEmpty() ? new Object[2] : acc.get(0);
            g.region = r[0] == null ? "" : (String) r[0];
            g.partnerId = r[1] == null ? 0 : ((Number) r[1]).longValue();
            em.persist(g);
        }
        int updated = em.createQuery("UPDATE GroupMonthStat s SET s.audits = s.audits + 1, s.scoreSum = s.scoreSum + :score "
                + "WHERE s.auditMonth = :m AND s.region = :r AND s.partnerId = :p").setParameter("score", a.score).setParameter("m", a.auditMonth)
                .setParameter("r", g.region).setParameter("p", g.partnerId).executeUpdate();
        if (updated == 0) {
            GroupMonthStat s = new GroupMonthStat();
            s.auditMonth = a.auditMonth;
            s.region = g.region;
            s.partnerId = g.partnerId;
            s.audits = 1;
            s.scoreSum = a.score;
            em.persist(s);
        }
        for (AuditItem i : failed) {
            if (addFailure(em, "GroupItemMonthStat", "auditMonth", a.auditMonth, g, i.code) == 0) {
                GroupItemMonthStat s = new GroupItemMonthStat();
                s.auditMonth = a.auditMonth;
                s.region = g.region;
                s.partnerId = g.partnerId;
                s.code = i.code;
                s.failures = 1;
                em.persist(s);
            }
            if (addFailure(em, "GroupItemDayStat", "auditDate", a.auditDate, g, i.code) == 0) {
                em.persist(GroupItemDayStat.first(a.auditDate, g.region, g.partnerId, i.code));
            }
        }
    }

    /** One more failure of the item in the group's row of the month or day ({@code period} = {@code value}); 0 when there is no row yet. */
    private static int addFailure(EntityManager em, String entity, String period, Object value, StoreGroup g, String code) {
        return em.createQuery("UPDATE " + entity + " s SET s.failures = s.failures + 1 WHERE s." + period + " = :v AND s.region = :r "
                + "AND s.partnerId = :p AND s.code = :c").setParameter("v", value).setParameter("r", g.region).setParameter("p", g.partnerId)
                .setParameter("c", code).executeUpdate();
    }

    /**
     * The groups and the scoped aggregates again from the submitted audits and their failed items, each store in the
     * group of its account as the core's table has it now (schema step 3, the bench loader; Derby and PostgreSQL).
     */
    public static void rebuildGroups(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM FA_GROUP_ITEM_MONTH_STAT");
            s.executeUpdate("DELETE FROM FA_GROUP_MONTH_STAT");
            s.executeUpdate("DELETE FROM FA_STORE_GROUP");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO FA_STORE_GROUP (STOREACCOUNTID, REGION, PARTNERID) "
                + "SELECT s.STOREACCOUNTID, COALESCE(ca.REGION, ''), COALESCE(ca.PARENTID, 0) FROM (SELECT DISTINCT STOREACCOUNTID FROM FA_AUDIT "
                + "WHERE STATUS = ?) s LEFT JOIN CRM_ACCOUNT ca ON ca.ID = s.STOREACCOUNTID")) {
            p.setString(1, "SUBMITTED");
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO FA_GROUP_MONTH_STAT (AUDITMONTH, REGION, PARTNERID, AUDITS, SCORESUM) "
                + "SELECT a.AUDITMONTH, g.REGION, g.PARTNERID, COUNT(*), SUM(a.SCORE) FROM FA_AUDIT a JOIN FA_STORE_GROUP g ON g.STOREACCOUNTID = a.STOREACCOUNTID "
                + "WHERE a.STATUS = ? GROUP BY a.AUDITMONTH, g.REGION, g.PARTNERID")) {
            p.setString(1, "SUBMITTED");
            p.executeUpdate();
        }
        insertGroupFailures(c, "FA_GROUP_ITEM_MONTH_STAT", "AUDITMONTH");
    }

    /** The per-day item rows of the groups again from the failed items of submitted audits (schema step 4; after the groups). */
    public static void rebuildGroupDays(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM FA_GROUP_ITEM_DAY_STAT");
        }
        // the audit's day, as the submit adds it (an item's day is its audit's)
        insertGroupFailures(c, "FA_GROUP_ITEM_DAY_STAT", "AUDITDATE");
    }

    /** The failed items of submitted audits per group, item and the audit's {@code period} column (month or day) into {@code table}. */
    private static void insertGroupFailures(Connection c, String table, String period) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (" + period + ", REGION, PARTNERID, CODE, FAILURES) "
                + "SELECT a." + period + ", g.REGION, g.PARTNERID, i.CODE, COUNT(*) FROM FA_AUDIT_ITEM i JOIN FA_AUDIT a ON a.ID = i.AUDITID "
                + "JOIN FA_STORE_GROUP g ON g.STOREACCOUNTID = a.STOREACCOUNTID WHERE i.FAILED = ? AND a.STATUS = ? "
                + "GROUP BY a." + period + ", g.REGION, g.PARTNERID, i.CODE")) {
            p.setBoolean(1, true);
            p.setString(2, "SUBMITTED");
            p.executeUpdate();
        }
    }

    /** Both aggregates again from the submitted audits and their failed items (schema step 2; any database). */
    public static void rebuild(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM FA_ITEM_MONTH_STAT");
            s.executeUpdate("DELETE FROM FA_MONTH_STAT");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO FA_MONTH_STAT (AUDITMONTH, AUDITS, SCORESUM) SELECT AUDITMONTH, COUNT(*), SUM(SCORE) "
                + "FROM FA_AUDIT WHERE STATUS = ? GROUP BY AUDITMONTH")) {
            p.setString(1, "SUBMITTED");
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO FA_ITEM_MONTH_STAT (AUDITMONTH, CODE, FAILURES, QUESTION) "
                + "SELECT a.AUDITMONTH, i.CODE, COUNT(*), MIN(i.QUESTION) FROM FA_AUDIT_ITEM i JOIN FA_AUDIT a ON a.ID = i.AUDITID "
                + "WHERE i.FAILED = ? AND a.STATUS = ? GROUP BY a.AUDITMONTH, i.CODE")) {
            p.setBoolean(1, true);
            p.setString(2, "SUBMITTED");
            p.executeUpdate();
        }
    }
}
