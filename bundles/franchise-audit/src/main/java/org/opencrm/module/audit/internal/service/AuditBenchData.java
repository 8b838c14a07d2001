package org.opencrm.module.audit.internal.service;

import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.audit.internal.dto.TemplateData;
import org.opencrm.module.audit.internal.dto.TemplateData.ItemData;
import org.opencrm.module.audit.internal.dto.TemplateData.SectionData;
import org.opencrm.module.audit.internal.model.Audit;
import org.opencrm.module.audit.internal.model.AuditItem;
import org.opencrm.module.audit.internal.model.AuditTemplate;
import org.opencrm.module.audit.internal.model.CorrectiveAction;
import org.opencrm.module.audit.internal.model.Enums.ActionStatus;
import org.opencrm.module.audit.internal.model.TemplateItem;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.persistence.IdBlocks;
import org.opencrm.platform.persistence.Schema;

/**
 * The results benchmark's data (issue 16 item 11), {@code audit:bench-data}: a checklist template of N items, stores as
 * core accounts (100 per franchisee, franchisees in five regions), one submitted audit a month per store with every
 * item answered and scored by the submit's own rule ({@link Scoring}), a corrective action per failed item (those of
 * earlier audits closed, the latest audit's open), each store's latest result and the monthly aggregates — the rows a
 * submit writes, in JDBC batches (one transaction per {@value #CHUNK} stores). It refuses an instance whose module has
 * audits: benchmark instances only.
 */
public class AuditBenchData {
    static final String TEMPLATE_CODE = "BENCH";
    static final String[] REGIONS = { "EAST", "SOUTH", "NORTH", "SOUTHWEST", "CENTRAL" };
    static final int STORES_PER_FRANCHISEE = 100;
    static final String AUDITOR = "bench-supervisor";
    private static final int CHUNK = 50;
    private final JpaTemplate jpa;
    private final CustomerDirectory directory;
    private final TemplateService templates;
    private final AuditTrail trail;
    private final BusinessClock clock;
    private final Supplier<AuditSettings> settings;

    public AuditBenchData(JpaTemplate jpa, CustomerDirectory directory, TemplateService templates, AuditTrail trail, BusinessClock clock,
            Supplier<AuditSettings> settings) {
        this.jpa = jpa;
        this.directory = directory;
        this.templates = templates;
        this.trail = trail;
        this.clock = clock;
        this.settings = settings;
    }

    /** What was loaded, and the seconds of the store accounts (core service) and of all. */
    public record Loaded(int stores, long audits, long items, long actions, long rows, double accountSeconds, double seconds) {
    }

    public Loaded load(int stores, int months, int itemCount, long seed) {
        if (stores < 1 || stores > 100_000) {
            throw new InvalidInputException("stores", "stores is between 1 and 100000", "audit.bench.stores");
        }
        if (months < 1 || months > 60) {
            throw new InvalidInputException("months", "months must be 1 to 60", "audit.months");
        }
        if (itemCount < 3 || itemCount > 200) {
            throw new InvalidInputException("items", "items is between 3 and 200", "audit.bench.items");
        }
        long existing = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(a) FROM Audit a", Long.class).getSingleResult());
        if (existing > 0) {
            throw new ConflictException("not_empty", "audits", "the module has " + existing + " audits: benchmark data goes into an empty instance only",
                    "audit.bench.notEmpty", existing);
        }
        long t0 = System.nanoTime();
        templates.publish(CrmUser.SYSTEM, templates.create(CrmUser.SYSTEM, template(itemCount)).id());
        List<AccountRef> network = network(stores);
        double accountSeconds = (System.nanoTime() - t0) / 1e9;
        AuditTemplate t = jpa.txExpr(TransactionType.Supports, em -> templates.published(em, TEMPLATE_CODE));
        List<TemplateItem> items = jpa.txExpr(TransactionType.Supports, em -> TemplateService.items(em, t.id));
        AuditSettings s = settings.get();
        LocalDate today = clock.today();
        Random random = new Random(seed);
        Totals totals = new Totals();
        // the two indexes whose keys arrive in random order are built once at the end (sorted) instead of row by row:
        // maintained during the load, every insert read and wrote index pages all over a tree of millions of entries
        indexes(false);
        try {
            for (int from = 0; from < network.size(); from += CHUNK) {
                List<Generated> chunk = new ArrayList<>();
                for (AccountRef store : network.subList(from, Math.min(network.size(), from + CHUNK))) {
                    chunk.add(generate(store, t, items, months, today, random.nextLong(), s));
                }
                write(chunk, totals);
            }
            writeStats(totals);
        } finally {
            indexes(true);
        }
        jpa.tx(TransactionType.Required, em -> trail.record(CrmUser.SYSTEM.username(), AUDIT_TYPE, "bench", "benchData",
                Map.of("stores", stores, "months", months, "items", itemCount, "audits", totals.audits), null));
        return new Loaded(stores, totals.audits, totals.items, totals.actions, totals.rows + network.size() + network.size() / STORES_PER_FRANCHISEE,
                accountSeconds, (System.nanoTime() - t0) / 1e9);
    }

    /** Three sections (VI, sales, service); every 5th item scored 0..4, every 20th critical, every 6th may be not applicable. */
    static TemplateData template(int n) {
        String[][] sections = { { "VI", "形象 VI" }, { "SALES", "销售规范" }, { "SERVICE", "服务规范" } };
        String[] severities = { "LOW", "MEDIUM", "HIGH" };
        List<SectionData> out = new ArrayList<>();
        for (int k = 0; k < sections.length; k++) {
            List<ItemData> items = new ArrayList<>();
            for (int i = k; i < n; i += sections.length) {
                boolean score = i % 5 == 4;
                items.add(new ItemData(null, String.format("B%03d", i + 1), sections[k][1] + " 检查项 " + (i + 1), 1 + i % 3, score ? "SCORE" : "PASS_FAIL",
                        score ? 4 : null, i % 6 == 5, i % 20 == 7, false, severities[i % 3], null, null));
            }
            out.add(new SectionData(sections[k][0], sections[k][1], items, null));
        }
        return new TemplateData(null, TEMPLATE_CODE, null, "基准检查表 Benchmark checklist", "zh_CN", null, null, null, out);
    }

    /** Franchisees (one per 100 stores, spread over the regions) and their stores, as core accounts. */
    private List<AccountRef> network(int stores) {
        List<AccountRef> out = new ArrayList<>(stores);
        AccountRef franchisee = null;
        for (int i = 0; i < stores; i++) {
            int f = i / STORES_PER_FRANCHISEE;
            String region = REGIONS[f % REGIONS.length];
            if (i % STORES_PER_FRANCHISEE == 0) {
                franchisee = directory.createAccount(CrmUser.SYSTEM, String.format("基准加盟商 %03d", f + 1), "FRANCHISEE", region, null);
            }
            out.add(directory.createAccount(CrmUser.SYSTEM, String.format("基准门店 %05d", i + 1), "STORE", region, franchisee.id()));
        }
        return out;
    }

    /** One store's audits, scored as a submit scores them, with the actions of the failed items. */
    private record Generated(AccountRef store, List<Audit> audits, List<List<AuditItem>> items, List<CorrectiveAction> actions) {
    }

    private Generated generate(AccountRef store, AuditTemplate t, List<TemplateItem> templateItems, int months, LocalDate today, long seed, AuditSettings s) {
        Random r = new Random(seed);
        double quality = 0.75 + r.nextDouble() * 0.24;
        double drift = (r.nextDouble() - 0.5) * 0.01;
        List<Audit> audits = new ArrayList<>();
        List<List<AuditItem>> items = new ArrayList<>();
        List<CorrectiveAction> actions = new ArrayList<>();
        for (int m = months - 1; m >= 0; m--) {
            LocalDate day = today.minusMonths(m).withDayOfMonth(1 + r.nextInt(Math.min(27, m == 0 ? today.getDayOfMonth() : 27)));
            double q = Math.max(0.2, Math.min(0.995, quality + drift * (months - m)));
            Audit a = DemoAudits.submitted(store, t.id, day, clock.startOf(day).plusSeconds(9 * 3600 + r.nextInt(8 * 3600)), AUDITOR, r.nextBoolean());
            List<AuditItem> rows = DemoAudits.answered(a, templateItems, ti -> ti.critical ? Math.min(0.998, q + 0.2) : q - (ti.position % 7) * 0.01, 0.15, r, s);
            audits.add(a);
            items.add(rows);
        }
        return new Generated(store, audits, items, actions);
    }

    /** The totals and the monthly aggregates, summed over the chunks. */
    private static final class Totals {
        long audits;
        long items;
        long actions;
        long rows;
        final Map<Integer, long[]> monthAudits = new TreeMap<>();
        final Map<Integer, BigDecimal> monthScores = new TreeMap<>();
        final Map<Integer, Map<String, long[]>> failures = new TreeMap<>();
        final Map<String, String> questions = new TreeMap<>();
    }

    private void write(List<Generated> chunk, Totals totals) {
        int audits = chunk.stream().mapToInt(g -> g.audits().size()).sum();
        int items = chunk.stream().mapToInt(g -> g.items().stream().mapToInt(List::size).sum()).sum();
        int failed = chunk.stream().mapToInt(g -> (int) g.items().stream().flatMap(List::stream).filter(i -> i.failed).count()).sum();
        long auditId = reserve("AUDIT", audits);
        long itemId = reserve("AUDIT_ITEM", items);
        long actionId = failed == 0 ? 0 : reserve("ACTION", failed);
        AuditSettings s = settings.get();
        for (Generated g : chunk) {
            for (int k = 0; k < g.audits().size(); k++) {
                Audit a = g.audits().get(k);
                a.id = auditId++;
                boolean latest = k == g.audits().size() - 1;
                for (AuditItem i : g.items().get(k)) {
                    i.auditId = a.id;
                    i.id = itemId++;
                    if (i.failed) {
                        CorrectiveAction c = ActionService.newAction(a, i, s, a.submittedAt);
                        c.id = actionId++;
                        if (!latest) {
                            // fixed and accepted before the next visit
                            c.status = ActionStatus.CLOSED;
                            c.response = "已整改";
                            c.respondedBy = "franchisee";
                            c.respondedAt = a.submittedAt.plusSeconds(3 * 86400L);
                            c.verifiedBy = a.auditor;
                            c.verifiedAt = a.submittedAt.plusSeconds(5 * 86400L);
                        }
                        g.actions().add(c);
                        totals.failures.computeIfAbsent(a.auditMonth, m -> new TreeMap<>()).computeIfAbsent(i.code, c2 -> new long[1])[0]++;
                        totals.questions.merge(a.auditMonth + "/" + i.code, i.question, (x, y) -> x.compareTo(y) <= 0 ? x : y);
                    }
                }
                totals.monthAudits.computeIfAbsent(a.auditMonth, m -> new long[1])[0]++;
                totals.monthScores.merge(a.auditMonth, a.score, BigDecimal::add);
            }
        }
        jpa.tx(TransactionType.RequiresNew, em -> {
            Connection c = em.unwrap(Connection.class);
            try (PreparedStatement audit = c.prepareStatement("INSERT INTO FA_AUDIT (ID, TEMPLATEID, STOREACCOUNTID, STORENAME, REGION, AUDITOR, ANNOUNCED, "
                    + "STATUS, STARTEDAT, SUBMITTEDAT, AUDITDATE, AUDITMONTH, SCORE, GRADE, CRITICALFAILED, ACKNOWLEDGEDBY, ACKNOWLEDGEDAT, LOCKVERSION) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
                    PreparedStatement item = c.prepareStatement("INSERT INTO FA_AUDIT_ITEM (ID, AUDITID, STOREACCOUNTID, AUDITDATE, TEMPLATEITEMID, POSITION, "
                            + "SECTIONCODE, SECTIONTITLE, CODE, QUESTION, WEIGHT, ANSWERTYPE, MAXSCORE, NAALLOWED, CRITICAL, PHOTOREQUIREDONFAIL, SEVERITY, "
                            + "ANSWER, SCOREGIVEN, FAILED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement action = c.prepareStatement("INSERT INTO FA_ACTION (ID, AUDITID, AUDITITEMID, STOREACCOUNTID, STORENAME, ITEMCODE, "
                            + "QUESTION, SEVERITY, SUPERVISOR, DUEDATE, STATUS, RESPONSE, RESPONDEDBY, RESPONDEDAT, VERIFIEDBY, VERIFIEDAT, REOPENCOUNT, "
                            + "CREATEDAT, LOCKVERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1)");
                    PreparedStatement result = c.prepareStatement("INSERT INTO FA_STORE_RESULT (STOREACCOUNTID, STORENAME, REGION, AUDITID, AUDITDATE, SCORE, "
                            + "GRADE, AUDITCOUNT, LOCKVERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                for (Generated g : chunk) {
                    for (int k = 0; k < g.audits().size(); k++) {
                        Audit a = g.audits().get(k);
                        audit.setLong(1, a.id);
                        audit.setLong(2, a.templateId);
                        audit.setLong(3, a.storeAccountId);
                        audit.setString(4, a.storeName);
                        audit.setString(5, a.region);
                        audit.setString(6, a.auditor);
                        audit.setBoolean(7, a.announced);
                        audit.setString(8, a.status.name());
                        audit.setTimestamp(9, Timestamp.from(a.startedAt));
                        audit.setTimestamp(10, Timestamp.from(a.submittedAt));
                        audit.setDate(11, Date.valueOf(a.auditDate));
                        audit.setInt(12, a.auditMonth);
                        audit.setBigDecimal(13, a.score);
                        audit.setString(14, a.grade);
                        audit.setBoolean(15, a.criticalFailed);
                        audit.setString(16, a.acknowledgedBy);
                        audit.setTimestamp(17, Timestamp.from(a.acknowledgedAt));
                        audit.addBatch();
                        for (AuditItem i : g.items().get(k)) {
                            item.setLong(1, i.id);
                            item.setLong(2, i.auditId);
                            item.setLong(3, i.storeAccountId);
                            item.setDate(4, Date.valueOf(i.auditDate));
                            item.setLong(5, i.templateItemId);
                            item.setInt(6, i.position);
                            item.setString(7, i.sectionCode);
                            item.setString(8, i.sectionTitle);
                            item.setString(9, i.code);
                            item.setString(10, i.question);
                            item.setInt(11, i.weight);
                            item.setString(12, i.answerType.name());
                            item.setInt(13, i.maxScore);
                            item.setBoolean(14, i.naAllowed);
                            item.setBoolean(15, i.critical);
                            item.setBoolean(16, i.photoRequiredOnFail);
                            item.setString(17, i.severity.name());
                            item.setString(18, i.answer == null ? null : i.answer.name());
                            if (i.scoreGiven == null) {
                                item.setNull(19, Types.INTEGER);
                            } else {
                                item.setInt(19, i.scoreGiven);
                            }
                            item.setBoolean(20, i.failed);
                            item.addBatch();
                        }
                    }
                    for (CorrectiveAction x : g.actions()) {
                        action.setLong(1, x.id);
                        action.setLong(2, x.auditId);
                        action.setLong(3, x.auditItemId);
                        action.setLong(4, x.storeAccountId);
                        action.setString(5, x.storeName);
                        action.setString(6, x.itemCode);
                        action.setString(7, x.question);
                        action.setString(8, x.severity.name());
                        action.setString(9, x.supervisor);
                        action.setDate(10, Date.valueOf(x.dueDate));
                        action.setString(11, x.status.name());
                        action.setString(12, x.response);
                        action.setString(13, x.respondedBy);
                        action.setTimestamp(14, x.respondedAt == null ? null : Timestamp.from(x.respondedAt));
                        action.setString(15, x.verifiedBy);
                        action.setTimestamp(16, x.verifiedAt == null ? null : Timestamp.from(x.verifiedAt));
                        action.setTimestamp(17, Timestamp.from(x.createdAt));
                        action.addBatch();
                    }
                    Audit last = g.audits().get(g.audits().size() - 1);
                    result.setLong(1, last.storeAccountId);
                    result.setString(2, last.storeName);
                    result.setString(3, last.region);
                    result.setLong(4, last.id);
                    result.setDate(5, Date.valueOf(last.auditDate));
                    result.setBigDecimal(6, last.score);
                    result.setString(7, last.grade);
                    result.setInt(8, g.audits().size());
                    result.addBatch();
                    // the statements of one chunk in a few round trips, the items in batches of about 2,000
                    item.executeBatch();
                }
                audit.executeBatch();
                action.executeBatch();
                result.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("bench data: " + e.getMessage(), e);
            }
        });
        totals.audits += audits;
        totals.items += items;
        totals.actions += failed;
        totals.rows += audits + items + failed + chunk.size();
    }

    /** The monthly aggregates of everything loaded (the tables are empty: the module had no audit). */
    private void writeStats(Totals totals) {
        jpa.tx(TransactionType.RequiresNew, em -> {
            Connection c = em.unwrap(Connection.class);
            try (PreparedStatement month = c.prepareStatement("INSERT INTO FA_MONTH_STAT (AUDITMONTH, AUDITS, SCORESUM) VALUES (?, ?, ?)");
                    PreparedStatement item = c.prepareStatement("INSERT INTO FA_ITEM_MONTH_STAT (AUDITMONTH, CODE, FAILURES, QUESTION) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Integer, long[]> e : totals.monthAudits.entrySet()) {
                    month.setInt(1, e.getKey());
                    month.setLong(2, e.getValue()[0]);
                    month.setBigDecimal(3, totals.monthScores.get(e.getKey()));
                    month.addBatch();
                }
                for (Map.Entry<Integer, Map<String, long[]>> e : totals.failures.entrySet()) {
                    for (Map.Entry<String, long[]> f : e.getValue().entrySet()) {
                        item.setInt(1, e.getKey());
                        item.setString(2, f.getKey());
                        item.setLong(3, f.getValue()[0]);
                        item.setString(4, totals.questions.get(e.getKey() + "/" + f.getKey()));
                        item.addBatch();
                    }
                }
                month.executeBatch();
                item.executeBatch();
                MonthStats.rebuildGroups(c);
                MonthStats.rebuildGroupDays(c);
            } catch (SQLException e) {
                throw new IllegalStateException("bench data: " + e.getMessage(), e);
            }
        });
    }

    /** Drops or (again) creates the indexes of failed items by day and of actions by status and due day. */
    private void indexes(boolean create) {
        jpa.tx(TransactionType.RequiresNew, em -> {
            Connection c = em.unwrap(Connection.class);
            if (create) {
                Schema.ensureIndex(c, AuditItem.TABLE, AuditItem.FAILED_INDEX, AuditItem.FAILED_COLUMNS);
                Schema.ensureIndex(c, CorrectiveAction.TABLE, CorrectiveAction.DUE_INDEX, CorrectiveAction.DUE_COLUMNS);
            } else {
                Schema.dropIndex(c, AuditItem.TABLE, AuditItem.FAILED_INDEX);
                Schema.dropIndex(c, CorrectiveAction.TABLE, CorrectiveAction.DUE_INDEX);
            }
        });
    }

    /** A block of ids from the module's generator table (its row created first when JPA has not used it yet). */
    private long reserve(String sequence, int count) {
        OptionalLong first = jpa.txExpr(TransactionType.RequiresNew, em -> IdBlocks.reserve(em, "FA_SEQUENCE", sequence, count));
        if (first.isPresent()) {
            return first.getAsLong();
        }
        jpa.tx(TransactionType.RequiresNew, em -> {
            try (PreparedStatement ps = em.unwrap(Connection.class).prepareStatement("INSERT INTO FA_SEQUENCE (SEQ_NAME, SEQ_COUNT) VALUES (?, 0)")) {
                ps.setString(1, sequence);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("bench data: no id generator row " + sequence + ": " + e.getMessage(), e);
            }
        });
        return jpa.txExpr(TransactionType.RequiresNew, em -> IdBlocks.reserve(em, "FA_SEQUENCE", sequence, count)).orElseThrow();
    }
}
