package org.opencrm.module.audit.internal.service;

import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.audit.internal.model.Audit;
import org.opencrm.module.audit.internal.model.AuditItem;
import org.opencrm.module.audit.internal.model.AuditTemplate;
import org.opencrm.module.audit.internal.model.Enums.Answer;
import org.opencrm.module.audit.internal.model.Enums.AnswerType;
import org.opencrm.module.audit.internal.model.Enums.AuditStatus;
import org.opencrm.module.audit.internal.model.StoreResult;
import org.opencrm.module.audit.internal.model.TemplateItem;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.time.BusinessClock;

/**
 * Demo data: a history of submitted audits for a set of stores (one a month, going back the months asked), scored by
 * the same rule as real ones, each store with a quality of its own that drifts, so rankings, trends and most failed
 * items look alive; the actions of the last audit of each store open (some overdue), earlier ones closed. Written in
 * one transaction per store, dated in the past; one audit-trail entry per store says it is demo data.
 */
public class DemoAudits {
    private final JpaTemplate jpa;
    private final AuditTrail trail;
    private final BusinessClock clock;
    private final Supplier<AuditSettings> settings;
    private final TemplateService templates;

    public DemoAudits(JpaTemplate jpa, AuditTrail trail, BusinessClock clock, Supplier<AuditSettings> settings, TemplateService templates) {
        this.templates = templates;
        this.jpa = jpa;
        this.trail = trail;
        this.clock = clock;
        this.settings = settings;
    }

    /** Audits per store for the last {@code months} months; returns the number of audits written. */
    public int load(List<AccountRef> stores, int months, String templateCode, String auditor, long seed) {
        Random random = new Random(seed);
        AuditSettings s = settings.get();
        LocalDate today = clock.today();
        int written = 0;
        for (AccountRef store : stores) {
            double quality = 0.55 + random.nextDouble() * 0.45;
            double drift = (random.nextDouble() - 0.5) * 0.02;
            long storeSeed = random.nextLong();
            written += jpa.txExpr(TransactionType.Required, em -> {
                Random r = new Random(storeSeed);
                AuditTemplate t = templates.published(em, templateCode);
                List<TemplateItem> items = TemplateService.items(em, t.id);
                int n = 0;
                Audit last = null;
                List<AuditItem> lastFailed = List.of();
                for (int m = months - 1; m >= 0; m--) {
                    LocalDate day = today.minusMonths(m).withDayOfMonth(1 + r.nextInt(Math.min(27, m == 0 ? today.getDayOfMonth() : 27)));
                    double q = Math.max(0.2, Math.min(0.99, quality + drift * (months - m)));
                    List<AuditItem> failed = new ArrayList<>();
                    last = audit(em, store, t, items, day, q, r, auditor, s, failed);
                    lastFailed = failed;
                    n++;
                }
                if (last != null) {
                    actions(em, last, lastFailed, s, today);
                    result(em, last, n);
                }
                trail.record(auditor, AUDIT_TYPE, "demo", "demoData", Map.of("storeId", store.id(), "audits", n), store.id());
                return n;
            });
        }
        return written;
    }

    private Audit audit(EntityManager em, AccountRef store, AuditTemplate t, List<TemplateItem> items, LocalDate day, double quality, Random r,
            String auditor, AuditSettings s, List<AuditItem> failed) {
        Audit a = submitted(store, t.id, day, clock.startOf(day).plusSeconds(9 * 3600 + r.nextInt(8 * 3600)), auditor, r.nextBoolean());
        em.persist(a);
        em.flush();
        // critical items fail rarely; each item has its own difficulty so that some fail more often
        List<AuditItem> rows = answered(a, items, ti -> ti.critical ? Math.min(0.995, quality + 0.3) : quality - (ti.code.hashCode() % 7) * 0.02, 0.2, r, s);
        rows.stream().filter(i -> i.failed).forEach(failed::add);
        rows.forEach(em::persist);
        em.flush();
        MonthStats.add(em, a, failed);
        return a;
    }

    /** A submitted audit of the store on that day, acknowledged by the store manager (the demo's and the benchmark's). */
    static Audit submitted(AccountRef store, long templateId, LocalDate day, Instant at, String auditor, boolean announced) {
        Audit a = new Audit();
        a.templateId = templateId;
        a.storeAccountId = store.id();
        a.storeName = store.name();
        a.region = store.region();
        a.auditor = auditor;
        a.announced = announced;
        a.status = AuditStatus.SUBMITTED;
        a.startedAt = at.minusSeconds(3600);
        a.submittedAt = at;
        a.auditDate = day;
        a.auditMonth = day.getYear() * 100 + day.getMonthValue();
        a.acknowledgedBy = "店长";
        a.acknowledgedAt = at;
        return a;
    }

    /**
     * The audit's copies of the items, answered at random ({@code pass}: an item's chance to pass; a scored item gets
     * that share of its points give or take {@code spread}; one in ten of those that allow it not applicable), each
     * marked failed and the audit scored and graded by the submit's rule.
     */
    static List<AuditItem> answered(Audit a, List<TemplateItem> items, java.util.function.ToDoubleFunction<TemplateItem> pass, double spread, Random r,
            AuditSettings s) {
        List<Scoring.Item> scored = new ArrayList<>();
        List<AuditItem> rows = new ArrayList<>();
        for (TemplateItem ti : items) {
            AuditItem i = AuditService.copy(a, ti);
            double p = pass.applyAsDouble(ti);
            if (ti.naAllowed && r.nextInt(10) == 0) {
                i.answer = Answer.NA;
            } else if (ti.answerType == AnswerType.SCORE) {
                i.scoreGiven = (int) Math.round(Math.min(1.0, Math.max(0.0, p + r.nextGaussian() * spread)) * ti.maxScore);
            } else {
                i.answer = r.nextDouble() < p ? Answer.PASS : Answer.FAIL;
            }
            Scoring.Item si = AuditService.scoringItem(i);
            i.failed = si.failed();
            scored.add(si);
            rows.add(i);
        }
        Scoring.Result result = Scoring.score(scored, s.thresholds());
        a.score = result.total();
        a.grade = result.grade();
        a.criticalFailed = result.criticalFailed();
        return rows;
    }

    private static void actions(EntityManager em, Audit a, List<AuditItem> failed, AuditSettings s, LocalDate today) {
        for (AuditItem i : failed) {
            em.persist(ActionService.newAction(a, i, s, a.submittedAt));
        }
    }

    private static void result(EntityManager em, Audit last, int count) {
        StoreResult r = em.find(StoreResult.class, last.storeAccountId);
        if (r == null) {
            r = new StoreResult();
            r.storeAccountId = last.storeAccountId;
            em.persist(r);
        } else if (r.auditDate != null && r.auditDate.isAfter(last.auditDate)) {
            r.auditCount += count;
            return;
        }
        r.storeName = last.storeName;
        r.region = last.region;
        r.auditId = last.id;
        r.auditDate = last.auditDate;
        r.score = last.score;
        r.grade = last.grade;
        r.auditCount += count;
    }
}
