package org.opencrm.module.channel.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.channel.api.ChannelEvents;
import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.ChannelNames;
import org.opencrm.module.channel.internal.dto.ProgrammeData;
import org.opencrm.module.channel.internal.dto.ProgrammeInput;
import org.opencrm.module.channel.internal.dto.RebateResultData;
import org.opencrm.module.channel.internal.dto.RunData;
import org.opencrm.module.channel.internal.dto.RunInput;
import org.opencrm.module.channel.internal.model.CreditNote;
import org.opencrm.module.channel.internal.model.CreditNoteReason;
import org.opencrm.module.channel.internal.model.HistoryKind;
import org.opencrm.module.channel.internal.model.RebatePeriod;
import org.opencrm.module.channel.internal.model.RebateProgramme;
import org.opencrm.module.channel.internal.model.RebateResult;
import org.opencrm.module.channel.internal.model.RebateRun;
import org.opencrm.module.channel.internal.model.RebateRunStatus;
import org.opencrm.module.channel.internal.model.TierMode;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.SqlFailure;
import org.opencrm.platform.persistence.TransactionRetry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Rebate programmes and their runs: a run computes every partner of the programme's grade for one period (net sell-in =
 * shipments - returns in the period; the grade a partner held at the period's end, from its grade history, not its
 * grade of today, so that a later grade change does not change the answer), can be run again with the same answer until
 * it is approved (a run of a period not closed yet is a preview: it is approved only when computed after the period
 * closed, by someone other than who computed it), and settling it issues each partner's rebate as a REBATE credit note
 * (once: a settled result keeps its credit note).
 */
@Component(service = RebateService.class)
public class RebateService {
    private final TransactionRetry retry = TransactionRetry.standard().when(f -> f.isRetryable() || f.isIntegrityViolation());
    private final JpaTemplate jpa;
    private final DataScopes scopes;
    private final ChannelSettings settings;
    private final ChannelRecords records;
    private final ReceivablesService receivables;

    @Activate
    public RebateService(@Reference(target = ChannelNames.JPA_TARGET) JpaTemplate jpa, @Reference DataScopes scopes, @Reference ChannelSettings settings,
            @Reference ChannelRecords records, @Reference ReceivablesService receivables) {
        this.jpa = jpa;
        this.scopes = scopes;
        this.settings = settings;
        this.records = records;
        this.receivables = receivables;
    }

    public ProgrammeData create(CrmUser user, ProgrammeInput in) {
        user.require(ChannelModule.ADMIN);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "required");
        }
        String code = PartnerService.required("code", in.code(), 40);
        String name = PartnerService.required("name", in.name(), 200);
        RebatePeriod period = en(RebatePeriod.class, "period", in.period());
        TierMode mode = en(TierMode.class, "mode", in.mode());
        String grade = in.grade() == null || in.grade().isBlank() ? null : settings.grades().require("grade", in.grade());
        List<Rebates.Tier> tiers = Rebates.parseYuan("tiers", in.tiers());
        long target = in.target() == null ? 0 : Money.ofYuan("target", in.target(), Money.Sign.NON_NEGATIVE, ReceivablesService.MAX_AMOUNT).fen();
        long bonus = in.bonus() == null ? 0 : Money.ofYuan("bonus", in.bonus(), Money.Sign.NON_NEGATIVE, ReceivablesService.MAX_AMOUNT).fen();
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                RebateProgramme p = new RebateProgramme();
                p.code = code;
                p.name = name;
                p.period = period;
                p.mode = mode;
                p.grade = grade;
                p.tiers = Rebates.format(tiers);
                p.targetFen = target;
                p.bonusFen = bonus;
                p.createdBy = user.username();
                p.createdAt = settings.now();
                em.persist(p);
                em.flush();
                records.audit(user.username(), "rebateProgramme", p.id, "create", ChannelRecords.changes("code", code, "mode", mode, "period", period, "grade", grade,
                        "tiers", p.tiers, "target", Money.yuan(target), "bonus", Money.yuan(bonus)));
                return programme(p);
            });
        } catch (RuntimeException e) {
            if (SqlFailure.of(e).isIntegrityViolation()) {
                throw new ConflictException("duplicate", "code", "programme " + code + " exists", "channel.programme.exists", code);
            }
            throw e;
        }
    }

    public List<ProgrammeData> programmes(CrmUser user) {
        user.require(ChannelModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT p FROM RebateProgramme p ORDER BY p.code", RebateProgramme.class).getResultList()
                .stream().map(RebateService::programme).toList());
    }

    /** The first day of the period that contains {@code day}. */
    public static LocalDate periodStart(RebatePeriod period, LocalDate day) {
        return switch (period) {
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
            case YEARLY -> day.withDayOfYear(1);
        };
    }

    public static LocalDate periodEnd(RebatePeriod period, LocalDate start) {
        return switch (period) {
            case MONTHLY -> start.plusMonths(1).minusDays(1);
            case QUARTERLY -> start.plusMonths(3).minusDays(1);
            case YEARLY -> start.plusYears(1).minusDays(1);
        };
    }

    /**
     * Computes (or computes again, while not approved) the programme for the period starting on {@code periodStart}: one
     * result per partner of the programme's grade (held at the end of the period's last day, business time zone) with a
     * net sell-in in the period.
     */
    public RunData run(CrmUser user, RunInput in) {
        user.require(ChannelModule.FINANCE);
        if (in == null || in.programmeId() == null || in.periodStart() == null) {
            throw new InvalidInputException(in == null || in.programmeId() == null ? "programmeId" : "periodStart", "programmeId and periodStart are required",
                    "required");
        }
        return retry.run("rebate run", () -> jpa.txExpr(TransactionType.Required, em -> {
            RebateProgramme prog = em.find(RebateProgramme.class, in.programmeId());
            if (prog == null) {
                throw new RecordNotFoundException("rebateProgramme", in.programmeId());
            }
            LocalDate start = in.periodStart();
            if (!periodStart(prog.period, start).equals(start)) {
                throw new InvalidInputException("periodStart", "a " + prog.period + " period starts on " + periodStart(prog.period, start), "channel.period.start",
                        periodStart(prog.period, start), "rebatePeriod." + prog.period.name());
            }
            LocalDate end = periodEnd(prog.period, start);
            if (start.isAfter(settings.today())) {
                throw new InvalidInputException("periodStart", "the period starts " + start + ": it has not begun", "channel.period.future", start);
            }
            List<RebateRun> found = em.createQuery("SELECT r FROM RebateRun r WHERE r.programmeId = :p AND r.periodStart = :s", RebateRun.class)
                    .setParameter("p", prog.id).setParameter("s", start).getResultList();
            RebateRun run;
            if (found.isEmpty()) {
                run = new RebateRun();
                run.programmeId = prog.id;
                run.periodStart = start;
                run.periodEnd = end;
                em.persist(run);
            } else {
                run = found.get(0);
                em.lock(run, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
                em.refresh(run);
                if (run.status != RebateRunStatus.COMPUTED) {
                    throw new ConflictException("run_closed", "periodStart", "the run of " + prog.code + " for " + start + " is " + run.status + ": it is not computed again",
                            "channel.run.closed", prog.code, start, "runStatus." + run.status.name());
                }
                em.createQuery("DELETE FROM RebateResult r WHERE r.runId = :r").setParameter("r", run.id).executeUpdate();
            }
            run.status = RebateRunStatus.COMPUTED;
            run.computedAt = settings.now();
            run.computedBy = user.username();
            List<Rebates.Tier> tiers = Rebates.parseFen(prog.tiers);
            Map<Long, Long> net = netSellIn(em, prog.grade, start, end, settings.clock().endOf(end));
            long total = 0;
            int count = 0;
            for (Map.Entry<Long, Long> e : net.entrySet()) {
                Rebates.Outcome out = Rebates.compute(prog.mode, tiers, e.getValue(), prog.targetFen, prog.bonusFen);
                if (e.getValue() == 0 && out.totalFen() == 0) {
                    continue;
                }
                RebateResult r = new RebateResult();
                r.runId = run.id;
                r.accountId = e.getKey();
                r.netSellInFen = e.getValue();
                r.tierRate = out.rate() == null ? null : out.rate().stripTrailingZeros().toPlainString();
                r.volumeFen = out.volumeFen();
                r.bonusFen = out.bonusFen();
                r.totalFen = out.totalFen();
                em.persist(r);
                total += r.totalFen;
                count++;
            }
            run.totalFen = total;
            run.partners = count;
            em.flush();
            records.audit(user.username(), "rebateRun", run.id, found.isEmpty() ? "compute" : "recompute", ChannelRecords.changes("programme", prog.code, "period",
                    start + ".." + end, "total", Money.yuan(total), "partners", count));
            return data(em, user, run, prog);
        }));
    }

    /**
     * Net sell-in per partner in [from, to]: shipments less returns, in one pass each; for a programme of a grade only
     * the partners that held that grade at {@code gradeAt} (the end of the period), from the grade history, so that a
     * grade changed after the period does not change a repeated run's answer (null grade: every partner).
     */
    static Map<Long, Long> netSellIn(EntityManager em, String grade, LocalDate from, LocalDate to, java.time.Instant gradeAt) {
        Map<Long, Long> net = new java.util.TreeMap<>();
        javax.persistence.Query shipped = em.createQuery("SELECT x.accountId, SUM(x.amountFen) FROM Shipment x WHERE x.shippedOn >= :f AND x.shippedOn <= :t"
                + " GROUP BY x.accountId");
        javax.persistence.Query returned = em.createQuery("SELECT x.accountId, SUM(x.amountFen) FROM CreditNote x WHERE x.reason = :r AND x.issuedOn >= :f"
                + " AND x.issuedOn <= :t GROUP BY x.accountId").setParameter("r", CreditNoteReason.RETURN);
        for (javax.persistence.Query q : List.of(shipped, returned)) {
            q.setParameter("f", from).setParameter("t", to);
        }
        for (Object o : shipped.getResultList()) {
            Object[] r = (Object[]) o;
            net.merge(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), Long::sum);
        }
        for (Object o : returned.getResultList()) {
            Object[] r = (Object[]) o;
            net.merge(((Number) r[0]).longValue(), -((Number) r[1]).longValue(), Long::sum);
        }
        if (grade != null) {
            Map<Long, String> held = gradesAt(em, gradeAt);
            net.keySet().removeIf(account -> !grade.equals(held.get(account)));
        }
        return net;
    }

    /**
     * The grade each partner held at {@code at}, from the grade history (CF_HISTORY, kind GRADE): the grade set by the
     * last change before {@code at}; for a partner whose changes all came later, the grade the first of them changed
     * from; for one without any history (rows loaded in bulk), its current grade.
     */
    static Map<Long, String> gradesAt(EntityManager em, java.time.Instant at) {
        Map<Long, String> held = new HashMap<>();
        for (Object o : em.createQuery("SELECT p.accountId, p.grade FROM PartnerProfile p").getResultList()) {
            Object[] r = (Object[]) o;
            held.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        // per partner: the latest change before `at` and the earliest from `at` on (by time, then id; ids of several nodes do not follow time)
        Map<Long, Object[]> before = new HashMap<>();
        Map<Long, Object[]> after = new HashMap<>();
        java.util.Comparator<Object[]> order = java.util.Comparator.<Object[], java.time.Instant> comparing(r -> (java.time.Instant) r[3])
                .thenComparing(r -> ((Number) r[4]).longValue());
        for (Object o : em.createQuery("SELECT h.accountId, h.fromValue, h.toValue, h.changedAt, h.id FROM PartnerHistory h WHERE h.kind = :k")
                .setParameter("k", HistoryKind.GRADE).getResultList()) {
            Object[] r = (Object[]) o;
            long account = ((Number) r[0]).longValue();
            if (((java.time.Instant) r[3]).isBefore(at)) {
                before.merge(account, r, (x, y) -> order.compare(x, y) >= 0 ? x : y);
            } else {
                after.merge(account, r, (x, y) -> order.compare(x, y) <= 0 ? x : y);
            }
        }
        after.forEach((account, r) -> held.put(account, r[1] == null ? (String) r[2] : (String) r[1]));
        before.forEach((account, r) -> held.put(account, (String) r[2]));
        return held;
    }

    /**
     * A run with its results. A user of a restricted scope (a partner's own users) sees only the runs with a result of
     * an account in its scope (404 otherwise), only those results, and as the run's total and partner count only theirs:
     * what the programme pays other partners, and in all, is HQ's business.
     */
    public RunData get(CrmUser user, long runId) {
        user.require(ChannelModule.READ);
        ScopeFilter scope = scopes.filter(user);
        return jpa.txExpr(TransactionType.Supports, em -> {
            RebateRun run = em.find(RebateRun.class, runId);
            if (run == null) {
                throw new RecordNotFoundException("rebateRun", runId);
            }
            RunData d = data(em, scope, run, em.find(RebateProgramme.class, run.programmeId));
            if (!scope.isUnrestricted() && d.results().isEmpty()) {
                throw new RecordNotFoundException("rebateRun", runId);
            }
            return d;
        });
    }

    /** The runs, newest period first; for a restricted scope only those with a result in it, with its share as the total (see {@link #get}). */
    public Page<RunData> runs(CrmUser user, PageRequest page) {
        user.require(ChannelModule.READ);
        ScopeFilter scope = scopes.filter(user);
        if (scope.isNothing()) {
            return new Page<>(List.of(), 0);
        }
        String mine = scope.isUnrestricted() ? "" : " WHERE EXISTS (SELECT x FROM RebateResult x WHERE x.runId = r.id" + scope.jpql("x.accountId") + ")";
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<RunData> items = new ArrayList<>();
            javax.persistence.TypedQuery<RebateRun> q = em.createQuery("SELECT r FROM RebateRun r" + mine + " ORDER BY r.periodStart DESC, r.id DESC", RebateRun.class);
            scope.bind(q::setParameter);
            for (RebateRun r : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                RebateProgramme p = em.find(RebateProgramme.class, r.programmeId);
                long total = r.totalFen;
                int partners = r.partners;
                if (!scope.isUnrestricted()) {
                    javax.persistence.Query share = em.createQuery("SELECT SUM(x.totalFen), COUNT(x) FROM RebateResult x WHERE x.runId = :r" + scope.jpql("x.accountId"))
                            .setParameter("r", r.id);
                    scope.bind(share::setParameter);
                    Object[] row = (Object[]) share.getSingleResult();
                    total = Books.sum(row[0]);
                    partners = ((Number) row[1]).intValue();
                }
                items.add(new RunData(r.id, r.programmeId, p.code, r.periodStart, r.periodEnd, r.status.name(), Money.yuan(total), partners, r.computedAt,
                        r.computedBy, r.approvedBy, List.of()));
            }
            javax.persistence.Query count = em.createQuery("SELECT COUNT(r) FROM RebateRun r" + mine);
            scope.bind(count::setParameter);
            return new Page<>(items, ((Number) count.getSingleResult()).longValue());
        });
    }

    /**
     * Approves a computed run: its figures are fixed from now on. Four eyes: by someone other than who computed it last
     * (409 {@code four_eyes} otherwise), as a write-off is decided by someone other than who asked for it.
     */
    public RunData approve(CrmUser user, long runId) {
        user.require(ChannelModule.ADMIN);
        return retry.run("rebate approve", () -> jpa.txExpr(TransactionType.Required, em -> {
            RebateRun run = lockedRun(em, runId);
            if (run.status != RebateRunStatus.COMPUTED) {
                throw new ConflictException("invalid_status", "status", "run " + runId + " is " + run.status, "channel.run.status", "runStatus." + run.status.name());
            }
            if (!run.periodEnd.isBefore(settings.today())) {
                throw new ConflictException("period_open", "status", "the period ends " + run.periodEnd + ": approve its run after it closed (and compute it again then)",
                        "channel.period.open", run.periodEnd);
            }
            if (run.computedAt != null && !settings.clock().dateOf(run.computedAt).isAfter(run.periodEnd)) {
                throw new ConflictException("computed_before_close", "status", "the run was computed before the period closed: compute it again first",
                        "channel.run.stale", run.periodEnd);
            }
            if (user.username().equals(run.computedBy)) {
                throw new ConflictException("four_eyes", "status", "the run was computed by " + run.computedBy + ": someone else approves it",
                        "channel.run.fourEyes", run.computedBy);
            }
            run.status = RebateRunStatus.APPROVED;
            run.approvedBy = user.username();
            run.approvedAt = settings.now();
            records.audit(user.username(), "rebateRun", run.id, "approve", ChannelRecords.changes("total", Money.yuan(run.totalFen)));
            em.flush();
            return data(em, user, run, em.find(RebateProgramme.class, run.programmeId));
        }));
    }

    /** Settles an approved run: each partner's rebate (more than 0) as a REBATE credit note, each partner in its own transaction. */
    public RunData settle(CrmUser user, long runId) {
        user.require(ChannelModule.FINANCE);
        List<Long> results = jpa.txExpr(TransactionType.Supports, em -> {
            RebateRun run = em.find(RebateRun.class, runId);
            if (run == null) {
                throw new RecordNotFoundException("rebateRun", runId);
            }
            if (run.status == RebateRunStatus.COMPUTED) {
                throw new ConflictException("invalid_status", "status", "run " + runId + " is not approved", "channel.run.notApproved");
            }
            return em.createQuery("SELECT r.id FROM RebateResult r WHERE r.runId = :r AND r.creditNoteId IS NULL AND r.totalFen > 0 ORDER BY r.accountId", Long.class)
                    .setParameter("r", runId).getResultList();
        });
        for (Long id : results) {
            retry.run("rebate settle", () -> jpa.txExpr(TransactionType.Required, em -> {
                RebateResult r = em.find(RebateResult.class, id);
                Books.lock(em, r.accountId);
                em.refresh(r);
                if (r.creditNoteId != null) {
                    return null;
                }
                RebateRun run = em.find(RebateRun.class, r.runId);
                RebateProgramme prog = em.find(RebateProgramme.class, run.programmeId);
                CreditNote c = receivables.issue(em, r.accountId, CreditNoteReason.REBATE, r.totalFen, settings.today(), "rebate " + prog.code + " "
                        + run.periodStart + ".." + run.periodEnd, r.id, user.username(), null);
                r.creditNoteId = c.id;
                records.event(ChannelEvents.REBATE_SETTLED, user.username(), r.accountId, "runId", run.id, "creditNoteId", c.id, "amount",
                        Money.yuan(r.totalFen).toPlainString());
                return null;
            }));
        }
        return retry.run("rebate settled", () -> jpa.txExpr(TransactionType.Required, em -> {
            RebateRun run = lockedRun(em, runId);
            if (run.status == RebateRunStatus.APPROVED) {
                run.status = RebateRunStatus.SETTLED;
                run.settledBy = user.username();
                run.settledAt = settings.now();
                records.audit(user.username(), "rebateRun", run.id, "settle", ChannelRecords.changes("total", Money.yuan(run.totalFen)));
            }
            em.flush();
            return data(em, user, run, em.find(RebateProgramme.class, run.programmeId));
        }));
    }

    /** The rebate results of one partner (its own users see them), newest period first. */
    public List<RebateResultData> forPartner(CrmUser user, long accountId) {
        user.require(ChannelModule.READ);
        if (!scopes.canSee(user, accountId)) {
            throw new RecordNotFoundException(PartnerService.RECORD, accountId);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<RebateResultData> out = new ArrayList<>();
            for (Object o : em.createQuery("SELECT r, u FROM RebateResult r, RebateRun u WHERE r.runId = u.id AND r.accountId = :a ORDER BY u.periodStart DESC")
                    .setParameter("a", accountId).getResultList()) {
                RebateResult r = (RebateResult) ((Object[]) o)[0];
                out.add(result(r, null));
            }
            return out;
        });
    }

    private static RebateRun lockedRun(EntityManager em, long runId) {
        RebateRun run = em.find(RebateRun.class, runId);
        if (run == null) {
            throw new RecordNotFoundException("rebateRun", runId);
        }
        em.lock(run, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(run);
        return run;
    }

    private RunData data(EntityManager em, CrmUser user, RebateRun run, RebateProgramme prog) {
        return data(em, scopes.filter(user), run, prog);
    }

    /** The run with the results inside the scope; for a restricted scope its total and partner count are those results' (no cross-partner totals). */
    private static RunData data(EntityManager em, ScopeFilter scope, RebateRun run, RebateProgramme prog) {
        Map<Long, String> names = new HashMap<>();
        List<RebateResultData> results = new ArrayList<>();
        javax.persistence.TypedQuery<RebateResult> q = em.createQuery("SELECT r FROM RebateResult r WHERE r.runId = :r" + scope.jpql("r.accountId")
                + " ORDER BY r.accountId", RebateResult.class).setParameter("r", run.id);
        scope.bind(q::setParameter);
        long total = 0;
        for (RebateResult r : q.getResultList()) {
            results.add(result(r, ReceivablesService.name(em, names, r.accountId)));
            total += r.totalFen;
        }
        boolean all = scope.isUnrestricted();
        return new RunData(run.id, run.programmeId, prog.code, run.periodStart, run.periodEnd, run.status.name(), Money.yuan(all ? run.totalFen : total),
                all ? run.partners : results.size(), run.computedAt, run.computedBy, run.approvedBy, results);
    }

    private static RebateResultData result(RebateResult r, String name) {
        return new RebateResultData(r.accountId, name, Money.yuan(r.netSellInFen), r.tierRate, Money.yuan(r.volumeFen), Money.yuan(r.bonusFen),
                Money.yuan(r.totalFen), r.creditNoteId);
    }

    static ProgrammeData programme(RebateProgramme p) {
        StringBuilder tiers = new StringBuilder();
        for (Rebates.Tier t : Rebates.parseFen(p.tiers)) {
            if (tiers.length() > 0) {
                tiers.append(';');
            }
            tiers.append(Money.yuan(t.thresholdFen()).stripTrailingZeros().toPlainString()).append(':').append(t.ratePercent().stripTrailingZeros().toPlainString());
        }
        return new ProgrammeData(p.id, p.code, p.name, p.period.name(), p.grade, p.mode.name(), tiers.toString(), Money.yuan(p.targetFen), Money.yuan(p.bonusFen),
                p.active);
    }

    private static <E extends Enum<E>> E en(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, PartnerService.required(field, value, 20).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " must be one of " + List.of(type.getEnumConstants()), "channel.value.invalid", value);
        }
    }


}
