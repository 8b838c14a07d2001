package org.opencrm.module.membership.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.api.MembershipEvents;
import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.AdjustRequest;
import org.opencrm.module.membership.internal.dto.EarnRequest;
import org.opencrm.module.membership.internal.dto.PointsLedgerEntry;
import org.opencrm.module.membership.internal.dto.RedeemRequest;
import org.opencrm.module.membership.internal.dto.TxnResult;
import org.opencrm.module.membership.internal.dto.ValueLedgerEntry;
import org.opencrm.module.membership.internal.dto.ValueRequest;
import org.opencrm.module.membership.internal.model.Card;
import org.opencrm.module.membership.internal.model.CardStatus;
import org.opencrm.module.membership.internal.model.Coupon;
import org.opencrm.module.membership.internal.model.Member;
import org.opencrm.module.membership.internal.model.MemberStatus;
import org.opencrm.module.membership.internal.model.PointsEntry;
import org.opencrm.module.membership.internal.model.Txn;
import org.opencrm.module.membership.internal.model.TxnKind;
import org.opencrm.module.membership.internal.model.ValueEntry;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ScopeDeniedException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.module.membership.internal.MembershipConfig;
import org.opencrm.platform.persistence.GroupCommit;
import org.opencrm.platform.persistence.SqlFailure;
import org.opencrm.platform.persistence.TransactionRetry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * Points and stored value at the till: earn, redeem, adjust, expire; top up, spend, refund.
 *
 * <p>Every change runs in one order: lock the member row ({@code SELECT ... FOR UPDATE} by primary key), look the
 * client reference up (a repeat answers the first result), check, insert the MP_TXN row (its REFERENCE has a unique
 * index: a concurrent duplicate on another node fails there and is answered with the first result), append the ledger
 * rows, update the balances on the member row, queue the notification. Requests of different members share one
 * transaction ({@link GroupCommit}, answered after it committed); the balance and its ledger rows commit together or
 * not at all; a refusal (400/409) is thrown by the check, before anything is written, and leaves only its own request.
 * A deadlock victim or lock timeout is retried a bounded number of times.
 *
 * <p>Data scope (the platform's {@link DataScopes}, on top of which the till has its own policy): a REGION / PARTNER /
 * STORE user sees the members who joined at a store inside the scope. At the till any store of the chain serves any
 * member: a scoped cashier finds a member by exact card number, member number or mobile
 * ({@link MemberService#lookup}), and records purchases, redemptions and top-ups only for a store inside the scope.
 */
@Component(service = LedgerService.class, configurationPid = MembershipConfig.PID)
public class LedgerService {
    /** Runs a transaction that lost a lock race again (deadlock victim, lock timeout). */
    private final TransactionRetry retry = TransactionRetry.standard();
    static final int MAX_REFERENCE = 64;
    static final long MAX_POINTS = 1_000_000_000L;
    /** The largest points balance: far beyond any real member, far below where a long overflows. */
    static final long MAX_BALANCE = 1_000_000_000_000_000L;
    /** 100 million yuan: more than any single till transaction, and the most a member's stored value may hold. */
    static final Money MAX_AMOUNT = Money.ofFen(10_000_000_000L);
    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final TimelineService timeline;
    private final CustomerDirectory customers;
    private final DataScopes scopes;
    private final Rules rules;
    private final PromotionService promotions;
    private final Outbox outbox;
    private final CrmEventPublisher events;
    /** Stores known to exist (an HQ cashier's store is checked once, not on every purchase). */
    private final Map<Long, Boolean> knownStores = new ConcurrentHashMap<>();

    /** Requests of different members share a transaction: a few committers, up to this many requests each. */
    /** The till's group commit (one transaction and one log flush for many members' requests). */
    private final GroupCommit<EntityManager> till;

    /**
     * A till request's work under the member lock: reads and checks first, and a refusal is thrown there, before
     * anything is written (the transaction it runs in carries other members' requests too); then the writes.
     */
    @FunctionalInterface
    private interface Work {
        Writes check(EntityManager em, Member m);
    }

    /** The writes of a request that passed its checks, in the same transaction (and EntityManager). */
    @FunctionalInterface
    private interface Writes {
        Txn write(List<CrmEvent> after);
    }

    @Activate
    public LedgerService(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa, @Reference AuditTrail audit,
            @Reference TimelineService timeline, @Reference CustomerDirectory customers, @Reference DataScopes scopes, @Reference Rules rules,
            @Reference PromotionService promotions, @Reference Outbox outbox, @Reference CrmEventPublisher events, MembershipConfig config) {
        this.jpa = jpa;
        this.audit = audit;
        this.timeline = timeline;
        this.customers = customers;
        this.scopes = scopes;
        this.rules = rules;
        this.promotions = promotions;
        this.outbox = outbox;
        this.events = events;
        // one transaction per batch; its inserts go out together at the end (statement batching) rather than
        // before each query of the next request, which never reads them (the requests of a batch share no key)
        this.till = GroupCommit.start("membership-till", body -> jpa.tx(TransactionType.Required, em -> {
            em.setFlushMode(FlushModeType.COMMIT);
            body.accept(em);
            em.flush();
        }), retry, committers(config), batchSize(config), Comparator.comparingLong(r -> ((TillRequest) r).memberId()));
    }

    /** A changed configuration resizes the till's group commit in place (the rest of it is {@link Rules}'). */
    @Modified
    void modified(MembershipConfig config) {
        till.resize(committers(config), batchSize(config));
    }

    /** Within the metatype's bounds also when etc/ says otherwise (a 0 would stop the till), as {@link Rules} reads its terms. */
    private static int committers(MembershipConfig config) {
        return Math.min(32, Math.max(1, config.tillCommitters()));
    }

    private static int batchSize(MembershipConfig config) {
        return Math.min(1000, Math.max(1, config.tillBatchSize()));
    }

    @Deactivate
    void deactivate() {
        till.close();
    }

    // ---------------------------------------------------------------- points

    /** Points for a purchase paid at a store: full yuan x rate x tier x promotion (x coupon), rounded down. */
    public TxnResult earn(CrmUser user, long memberId, EarnRequest in) {
        user.require(MembershipModule.CASHIER);
        body(in);
        String reference = reference(in.reference());
        long paid = Money.ofYuan("amount", in.amount(), Money.Sign.POSITIVE, MAX_AMOUNT).fen();
        Long store = store(user, in.storeAccountId());
        String note = optional("note", in.note(), 500);
        return apply(user, memberId, reference, TxnKind.EARN, (em, m) -> {
            Card card = card(em, m, in.cardNumber(), true, false);
            Instant now = rules.now();
            LocalDate day = rules.dateOf(now);
            BigDecimal tierAndPromotion = rules.tier(m.tier).multiplier().multiply(promotions.promotionMultiplier(day, store, m.tier, m.birthday));
            Coupon coupon = in.couponCode() == null || in.couponCode().isBlank() ? null : promotions.couponFor(em, m, in.couponCode(), day);
            BigDecimal multiplier = coupon != null && coupon.multiplier != null ? tierAndPromotion.multiply(new BigDecimal(coupon.multiplier)) : tierAndPromotion;
            long points = Rules.points(paid, rules.terms().pointsPerYuan(), multiplier) + (coupon == null ? 0 : coupon.bonusPoints);
            creditable(m, points);
            long spend = spendSince(em, m.id, rules.tierWindowStart(now)) + paid;
            return after -> {
                Txn t = txn(em, user, m, reference, TxnKind.EARN, card, store, now);
                t.amountFen = paid;
                t.points = points;
                t.multiplier = multiplier.stripTrailingZeros().toPlainString();
                t.couponCode = coupon == null ? null : coupon.code;
                t.reason = note;
                em.persist(t);
                if (points > 0) {
                    credit(em, m, t, points);
                }
                if (coupon != null) {
                    coupon.usedByTxnId = t.id;
                    coupon.usedAt = now;
                }
                m.rollingSpendFen = spend;
                tier(em, user, m, rules.tierFor(spend), t.id, after);
                finish(t, m);
                notify(em, m, t, "POINTS_EARNED", "您消费" + yuan(paid) + "元，获得积分" + points + "，当前积分" + m.pointsBalance + "。",
                        "You earned " + points + " points on a purchase of CNY " + yuan(paid) + "; balance " + m.pointsBalance + " points.");
                onTimeline(m, user, "POINTS_EARNED", points + " points earned", "Purchase CNY " + yuan(paid) + " x" + t.multiplier, t, "timeline.title.earned", points);
                return t;
            };
        });
    }

    /** Points taken for their cash value (default 100 points = 1 CNY); expired points go first. 409 with the balance when short. */
    public TxnResult redeem(CrmUser user, long memberId, RedeemRequest in) {
        user.require(MembershipModule.CASHIER);
        body(in);
        String reference = reference(in.reference());
        long points = points("points", in.points());
        if (points <= 0) {
            throw new InvalidInputException("points", "points must be more than 0", "membership.pointsPositive");
        }
        Long store = store(user, in.storeAccountId());
        String note = optional("note", in.note(), 500);
        return apply(user, memberId, reference, TxnKind.REDEEM, (em, m) -> {
            Card card = card(em, m, in.cardNumber(), true, false);
            Instant now = rules.now();
            long due = expiryDue(em, m, now);
            if (points > m.pointsBalance - due) {
                throw InsufficientBalanceException.points(m.pointsBalance - due, points);
            }
            return after -> {
                expire(em, user, m, now, due);
                Txn t = txn(em, user, m, reference, TxnKind.REDEEM, card, store, now);
                t.points = -points;
                t.amountFen = rules.redemptionValueFen(points);
                t.reason = note;
                em.persist(t);
                debit(em, m, t, points, TxnKind.REDEEM);
                finish(t, m);
                notify(em, m, t, "POINTS_REDEEMED", "您使用积分" + points + "，抵扣" + yuan(t.amountFen) + "元，当前积分" + m.pointsBalance + "。",
                        "You redeemed " + points + " points for CNY " + yuan(t.amountFen) + "; balance " + m.pointsBalance + " points.");
                onTimeline(m, user, "POINTS_REDEEMED", points + " points redeemed", "Worth CNY " + yuan(t.amountFen), t, "timeline.title.redeemed", points);
                return t;
            };
        });
    }

    /** Points added (positive) or taken (negative) by hand with a reason; never below zero. */
    public TxnResult adjust(CrmUser user, long memberId, AdjustRequest in) {
        user.require(MembershipModule.ADJUST);
        body(in);
        String reference = reference(in.reference());
        long points = points("points", in.points());
        if (points == 0) {
            throw new InvalidInputException("points", "points must not be 0 (positive adds, negative takes)", "membership.pointsNotZero");
        }
        String reason = optional("reason", in.reason(), 500);
        if (reason == null) {
            throw new InvalidInputException("reason", "a reason is required for an adjustment", "membership.reasonRequired");
        }
        return apply(user, memberId, reference, TxnKind.ADJUST, (em, m) -> {
            if (!scopes.canSee(user, m.joinStoreAccountId)) {
                throw new RecordNotFoundException(MemberService.RECORD, memberId);
            }
            Instant now = rules.now();
            long due = points < 0 ? expiryDue(em, m, now) : 0;
            if (points < 0 && -points > m.pointsBalance - due) {
                throw InsufficientBalanceException.points(m.pointsBalance - due, -points);
            }
            if (points > 0) {
                creditable(m, points);
            }
            return after -> {
                Txn t = txn(em, user, m, reference, TxnKind.ADJUST, null, null, now);
                t.points = points;
                t.reason = reason;
                if (points < 0) {
                    expire(em, user, m, now, due);
                    long taken = Math.negateExact(points);
                    em.persist(t);
                    debit(em, m, t, taken, TxnKind.ADJUST);
                } else {
                    em.persist(t);
                    credit(em, m, t, points);
                }
                finish(t, m);
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("points", points);
                changes.put("balance", m.pointsBalance);
                changes.put("reference", reference);
                changes.put("reason", reason);
                audit.record(user.username(), MemberService.RECORD, m.id.toString(), "adjust-points", changes, m.joinStoreAccountId);
                timeline.record(TimelineEntry.of(m.contactId, null, MembershipModule.ID, "POINTS_ADJUSTED", (points > 0 ? "+" : "") + points + " points (adjustment)",
                        reason, user.username(), MemberService.RECORD, m.id.toString()).withTitleKey("timeline.title.adjusted", (points > 0 ? "+" : "") + points));
                notify(em, m, t, "POINTS_ADJUSTED", "您的积分调整" + (points > 0 ? "+" : "") + points + "，当前积分" + m.pointsBalance + "。",
                        "Your points were adjusted by " + points + "; balance " + m.pointsBalance + " points.");
                return t;
            };
        });
    }

    // ---------------------------------------------------------------- stored value

    public TxnResult topUp(CrmUser user, long memberId, ValueRequest in) {
        user.require(MembershipModule.CASHIER);
        body(in);
        String reference = reference(in.reference());
        long amount = Money.ofYuan("amount", in.amount(), Money.Sign.POSITIVE, MAX_AMOUNT).fen();
        Long store = store(user, in.storeAccountId());
        long bonus = rules.bonusFen(amount);
        String note = optional("note", in.note(), 500);
        return apply(user, memberId, reference, TxnKind.TOP_UP, (em, m) -> {
            Card card = card(em, m, in.cardNumber(), false, true);
            if (m.valueBalanceFen + amount + bonus > MAX_AMOUNT.fen()) {
                throw new InvalidInputException("amount", "the stored value may not exceed " + yuan(MAX_AMOUNT.fen()) + " CNY", "membership.valueLimit", yuan(MAX_AMOUNT.fen()));
            }
            return after -> {
                Txn t = txn(em, user, m, reference, TxnKind.TOP_UP, card, store, rules.now());
                t.amountFen = amount;
                t.bonusFen = bonus;
                t.reason = note;
                em.persist(t);
                value(em, m, t, amount, false);
                if (bonus > 0) {
                    value(em, m, t, bonus, true);
                }
                finish(t, m);
                notify(em, m, t, "VALUE_TOPPED_UP", "您充值" + yuan(amount) + "元" + (bonus > 0 ? "，赠送" + yuan(bonus) + "元" : "") + "，储值余额" + yuan(m.valueBalanceFen) + "元。",
                        "You topped up CNY " + yuan(amount) + (bonus > 0 ? " (+" + yuan(bonus) + " bonus)" : "") + "; stored value CNY " + yuan(m.valueBalanceFen) + ".");
                onTimeline(m, user, "VALUE_TOPPED_UP", "Top-up CNY " + yuan(amount), bonus > 0 ? "Bonus CNY " + yuan(bonus) : null, t, "timeline.title.toppedUp", yuan(amount));
                return t;
            };
        });
    }

    public TxnResult spend(CrmUser user, long memberId, ValueRequest in) {
        user.require(MembershipModule.CASHIER);
        body(in);
        String reference = reference(in.reference());
        long amount = Money.ofYuan("amount", in.amount(), Money.Sign.POSITIVE, MAX_AMOUNT).fen();
        Long store = store(user, in.storeAccountId());
        String note = optional("note", in.note(), 500);
        return apply(user, memberId, reference, TxnKind.SPEND, (em, m) -> {
            Card card = card(em, m, in.cardNumber(), false, true);
            if (amount > m.valueBalanceFen) {
                throw InsufficientBalanceException.value(m.valueBalanceFen, amount);
            }
            return after -> {
                Txn t = txn(em, user, m, reference, TxnKind.SPEND, card, store, rules.now());
                t.amountFen = amount;
                t.reason = note;
                em.persist(t);
                value(em, m, t, -amount, false);
                finish(t, m);
                notify(em, m, t, "VALUE_SPENT", "您使用储值" + yuan(amount) + "元，储值余额" + yuan(m.valueBalanceFen) + "元。",
                        "You paid CNY " + yuan(amount) + " from stored value; balance CNY " + yuan(m.valueBalanceFen) + ".");
                onTimeline(m, user, "VALUE_SPENT", "Paid CNY " + yuan(amount) + " from stored value", null, t, "timeline.title.spent", yuan(amount));
                return t;
            };
        });
    }

    /** Gives (part of) a spend back to the stored value; the refunds of a spend never exceed it. */
    public TxnResult refund(CrmUser user, long memberId, ValueRequest in) {
        user.require(MembershipModule.CASHIER);
        body(in);
        String reference = reference(in.reference());
        long amount = Money.ofYuan("amount", in.amount(), Money.Sign.POSITIVE, MAX_AMOUNT).fen();
        Long store = store(user, in.storeAccountId());
        if (in.originalReference() == null || in.originalReference().isBlank()) {
            throw new InvalidInputException("originalReference", "originalReference (the spend to refund) is required", "membership.refundOriginalRequired");
        }
        String original = in.originalReference().strip();
        String note = optional("note", in.note(), 500);
        return apply(user, memberId, reference, TxnKind.REFUND, (em, m) -> {
            Txn spend = byReference(em, original);
            if (spend == null || spend.kind != TxnKind.SPEND || !spend.memberId.equals(m.id)) {
                throw new InvalidInputException("originalReference", "no stored-value spend " + original + " of this member", "membership.noSuchSpend", original);
            }
            em.lock(spend, LockModeType.PESSIMISTIC_WRITE);
            if (amount > spend.amountFen - spend.refundedFen) {
                throw new ConflictException("refund_exceeds_spend", "amount", "spend " + original + " of CNY " + yuan(spend.amountFen) + " has CNY "
                        + yuan(spend.amountFen - spend.refundedFen) + " left to refund", "membership.refundExceeds", original, yuan(spend.amountFen), yuan(spend.amountFen - spend.refundedFen));
            }
            return after -> {
                spend.refundedFen += amount;
                Txn t = txn(em, user, m, reference, TxnKind.REFUND, null, store, rules.now());
                t.amountFen = amount;
                t.originalReference = original;
                t.reason = note;
                em.persist(t);
                value(em, m, t, amount, false);
                finish(t, m);
                notify(em, m, t, "VALUE_REFUNDED", "退回储值" + yuan(amount) + "元，储值余额" + yuan(m.valueBalanceFen) + "元。",
                        "CNY " + yuan(amount) + " was refunded to your stored value; balance CNY " + yuan(m.valueBalanceFen) + ".");
                onTimeline(m, user, "VALUE_REFUNDED", "Refund CNY " + yuan(amount) + " to stored value", "Spend " + original, t, "timeline.title.refunded", yuan(amount));
                return t;
            };
        });
    }

    // ---------------------------------------------------------------- ledgers

    public Page<PointsLedgerEntry> pointsLedger(CrmUser user, long memberId, PageRequest page) {
        user.require(MembershipModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            visibleMember(em, user, memberId);
            List<Object[]> rows = em.createQuery("SELECT e, t FROM PointsEntry e, Txn t WHERE t.id = e.txnId AND e.memberId = :m ORDER BY e.id DESC",
                    Object[].class).setParameter("m", memberId).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            long total = em.createQuery("SELECT COUNT(e) FROM PointsEntry e WHERE e.memberId = :m", Long.class).setParameter("m", memberId).getSingleResult();
            List<PointsLedgerEntry> items = new ArrayList<>();
            for (Object[] r : rows) {
                PointsEntry e = (PointsEntry) r[0];
                Txn t = (Txn) r[1];
                items.add(new PointsLedgerEntry(e.id, e.kind.name(), e.points, e.balanceAfter, t.reference, t.storeAccountId, t.actor, t.reason, e.createdAt,
                        e.expiresAt));
            }
            return new Page<>(items, total);
        });
    }

    public Page<ValueLedgerEntry> valueLedger(CrmUser user, long memberId, PageRequest page) {
        user.require(MembershipModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            visibleMember(em, user, memberId);
            List<Object[]> rows = em.createQuery("SELECT e, t FROM ValueEntry e, Txn t WHERE t.id = e.txnId AND e.memberId = :m ORDER BY e.id DESC",
                    Object[].class).setParameter("m", memberId).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            long total = em.createQuery("SELECT COUNT(e) FROM ValueEntry e WHERE e.memberId = :m", Long.class).setParameter("m", memberId).getSingleResult();
            List<ValueLedgerEntry> items = new ArrayList<>();
            for (Object[] r : rows) {
                ValueEntry e = (ValueEntry) r[0];
                Txn t = (Txn) r[1];
                items.add(new ValueLedgerEntry(e.id, e.kind.name(), e.bonus, Money.yuan(e.amountFen), Money.yuan(e.balanceAfter), t.reference,
                        t.storeAccountId, t.actor, e.createdAt));
            }
            return new Page<>(items, total);
        });
    }

    /**
     * The result of an applied reference (the till asks after a timeout whether its request went through), for a user
     * who may see it: HQ, a user who sees the member (join store in scope) or one whose scope holds the store where it
     * happened (the till that served any member). Otherwise 404, as for a reference never used.
     */
    public TxnResult byReference(CrmUser user, String reference) {
        if (!user.hasPermission(MembershipModule.CASHIER)) {
            user.require(MembershipModule.READ);
        }
        String ref = reference(reference);
        Txn t = jpa.txExpr(TransactionType.Supports, em -> {
            Txn found = byReference(em, ref);
            if (found == null || user.scope() == null || user.scope().isUnrestricted()) {
                return found;
            }
            boolean atOwnStore = scopes.canSee(user, found.storeAccountId);
            Member m = em.find(Member.class, found.memberId);
            return atOwnStore || (m != null && scopes.canSee(user, m.joinStoreAccountId)) ? found : null;
        });
        if (t == null) {
            throw new RecordNotFoundException("transaction", ref);
        }
        return Views.txn(t, true);
    }

    // ---------------------------------------------------------------- periodic run

    /** Expires what is due and re-evaluates the tier of one member in a transaction of its own; returns {expired, tierChanged}. */
    long[] maintain(long memberId) {
        List<CrmEvent> after = new ArrayList<>();
        long[] out = retry.run("maintenance", () -> jpa.txExpr(TransactionType.Required, em -> {
            after.clear();
            Member m = lockMember(em, memberId);
            if (m == null) {
                return new long[] { 0, 0 };
            }
            Instant now = rules.now();
            long expired = expiryDue(em, m, now);
            expire(em, CrmUser.SYSTEM, m, now, expired);
            long spend = spendSince(em, m.id, rules.tierWindowStart(now));
            m.rollingSpendFen = spend;
            boolean changed = m.status != MemberStatus.CLOSED && tier(em, CrmUser.SYSTEM, m, rules.tierFor(spend), null, after);
            return new long[] { expired, changed ? 1 : 0 };
        }));
        events.post(after);
        return out;
    }

    String lowestTier() {
        return rules.lowestTier();
    }

    // ---------------------------------------------------------------- the transaction

    /** A till request in the group commit: keyed by its member (one at a time, in order) and its reference. */
    private record TillRequest(long memberId, String reference, TxnKind kind, Work work, List<CrmEvent> after)
            implements GroupCommit.Request<EntityManager, TxnResult> {
        @Override
        public List<String> keys() {
            return List.of("member:" + memberId, "reference:" + reference);
        }

        @Override
        public GroupCommit.Write<EntityManager, TxnResult> check(EntityManager em) {
            after.clear();
            Member m = lockMember(em, memberId);
            if (m == null) {
                throw new RecordNotFoundException(MemberService.RECORD, memberId);
            }
            Txn prior = byReference(em, reference);
            if (prior != null) {
                return GroupCommit.Write.answer(replay(prior, memberId, kind));
            }
            if (m.status != MemberStatus.ACTIVE) {
                throw new ConflictException("member_not_active", "memberId", "member " + m.memberNumber + " is " + m.status, "membership.memberNotActive", m.memberNumber, "memberStatus." + m.status);
            }
            Writes writes = work.check(em, m);
            return tx -> Views.txn(writes.write(after), false);
        }
    }

    /**
     * One till request: queued for the group commit, answered once its batch committed. Each request locks its member
     * row, looks its reference up and checks before it writes, as it did in a transaction of its own.
     */
    private TxnResult apply(CrmUser user, long memberId, String reference, TxnKind kind, Work work) {
        TxnResult result;
        List<CrmEvent> after = new ArrayList<>(); // events of the attempt that committed
        try {
            result = till.apply(new TillRequest(memberId, reference, kind, work, after));
        } catch (RuntimeException e) {
            if (SqlFailure.of(e) == SqlFailure.UNIQUE_VIOLATION) {
                Txn prior = jpa.txExpr(TransactionType.Supports, em -> byReference(em, reference));
                if (prior != null) {
                    return replay(prior, memberId, kind);
                }
            }
            throw e;
        }
        if (!result.replayed()) {
            events.post(after);
            boolean points = kind == TxnKind.EARN || kind == TxnKind.REDEEM || kind == TxnKind.ADJUST;
            events.post(List.of(CrmEvent.of(points ? MembershipEvents.POINTS_CHANGED : MembershipEvents.VALUE_CHANGED, user.username(),
                    MembershipEvents.MEMBER_ID, memberId, MembershipEvents.KIND, kind.name(), MembershipEvents.REFERENCE, reference,
                    MembershipEvents.POINTS, result.points(), MembershipEvents.POINTS_BALANCE, result.pointsBalance(), MembershipEvents.VALUE_BALANCE_FEN,
                    result.valueBalance().movePointRight(2).longValueExact())));
        }
        return result;
    }

    private static TxnResult replay(Txn prior, long memberId, TxnKind kind) {
        if (prior.memberId != memberId || prior.kind != kind) {
            throw new ConflictException("reference_used", "reference", "reference " + prior.reference + " was already used for a " + prior.kind
                    + " of member " + prior.memberId, "membership.referenceUsed", prior.reference, "txn." + prior.kind);
        }
        return Views.txn(prior, true);
    }

    private Txn txn(EntityManager em, CrmUser user, Member m, String reference, TxnKind kind, Card card, Long store, Instant now) {
        Txn t = new Txn();
        t.reference = reference;
        t.kind = kind;
        t.memberId = m.id;
        t.cardId = card == null ? null : card.id;
        t.storeAccountId = store;
        t.createdAt = now;
        t.actor = user.username();
        return t;
    }

    private static void finish(Txn t, Member m) {
        t.pointsBalanceAfter = m.pointsBalance;
        t.valueBalanceAfter = m.valueBalanceFen;
        t.tierAfter = m.tier;
        m.lastActivityAt = t.createdAt;
    }

    /** Refuses a credit that would take the balance past MAX_BALANCE (checked before anything is written). */
    private static void creditable(Member m, long points) {
        if (points < 0 || points > MAX_BALANCE - m.pointsBalance) {
            throw new InvalidInputException("points", "the points balance may not exceed " + MAX_BALANCE, "membership.pointsLimit", MAX_BALANCE);
        }
    }

    private void credit(EntityManager em, Member m, Txn t, long points) {
        creditable(m, points); // never refuses here: callers check first
        m.pointsBalance = Math.addExact(m.pointsBalance, points);
        PointsEntry e = entry(m, t, t.kind, points);
        e.expiresAt = rules.expiryOf(t.createdAt);
        em.persist(e);
    }

    private static void debit(EntityManager em, Member m, Txn t, long points, TxnKind kind) {
        if (points < 0 || points > m.pointsBalance) {
            throw InsufficientBalanceException.points(m.pointsBalance, points); // never reached: callers check first
        }
        m.pointsBalance = Math.subtractExact(m.pointsBalance, points);
        m.pointsDebited = Math.addExact(m.pointsDebited, points);
        em.persist(entry(m, t, kind, -points));
    }

    private static PointsEntry entry(Member m, Txn t, TxnKind kind, long points) {
        PointsEntry e = new PointsEntry();
        e.memberId = m.id;
        e.txnId = t.id;
        e.kind = kind;
        e.points = points;
        e.balanceAfter = m.pointsBalance;
        e.createdAt = t.createdAt;
        return e;
    }

    private static void value(EntityManager em, Member m, Txn t, long amountFen, boolean bonus) {
        m.valueBalanceFen = Math.addExact(m.valueBalanceFen, amountFen);
        if (m.valueBalanceFen < 0) {
            throw InsufficientBalanceException.value(m.valueBalanceFen - amountFen, -amountFen); // never reached: callers check first
        }
        ValueEntry e = new ValueEntry();
        e.memberId = m.id;
        e.txnId = t.id;
        e.kind = t.kind;
        e.bonus = bonus;
        e.amountFen = amountFen;
        e.balanceAfter = m.valueBalanceFen;
        e.createdAt = t.createdAt;
        em.persist(e);
    }

    /**
     * FIFO expiry without per-lot state: debits consume the oldest credits first, so of the credits that expired by
     * now, what is left is their sum minus every debit so far (redemptions, negative adjustments, earlier expiries).
     * That remainder is due to expire now; this only reads ({@link #expire} writes it), so that a debit can be refused
     * before anything is written.
     */
    long expiryDue(EntityManager em, Member m, Instant now) {
        if (rules.terms().expiryMonths() <= 0 || m.pointsBalance == 0) {
            return 0;
        }
        Number expiredCredits = em.createQuery("SELECT SUM(e.points) FROM PointsEntry e WHERE e.memberId = :m AND e.expiresAt <= :now AND e.points > 0",
                Number.class).setParameter("m", m.id).setParameter("now", now).getSingleResult();
        return Math.max(0, Math.min(m.pointsBalance, (expiredCredits == null ? 0 : expiredCredits.longValue()) - m.pointsDebited));
    }

    /** Writes the expiry of {@code due} points (from {@link #expiryDue}) as one EXPIRE row; nothing when 0. */
    void expire(EntityManager em, CrmUser user, Member m, Instant now, long due) {
        if (due <= 0) {
            return;
        }
        Txn t = txn(em, user, m, "EXPIRE-" + UUID.randomUUID(), TxnKind.EXPIRE, null, null, now);
        t.points = -due;
        t.reason = "points earned up to " + rules.dateOf(now).minusMonths(rules.terms().expiryMonths()) + " expired";
        em.persist(t);
        debit(em, m, t, due, TxnKind.EXPIRE);
        finish(t, m);
        notify(em, m, t, "POINTS_EXPIRED", "您有" + due + "积分已过期，当前积分" + m.pointsBalance + "。",
                due + " of your points expired; balance " + m.pointsBalance + " points.");
    }

    private static long spendSince(EntityManager em, long memberId, Instant since) {
        Number n = em.createQuery("SELECT SUM(t.amountFen) FROM Txn t WHERE t.memberId = :m AND t.kind = :k AND t.createdAt > :since", Number.class)
                .setParameter("m", memberId).setParameter("k", TxnKind.EARN).setParameter("since", since).getSingleResult();
        return n == null ? 0 : n.longValue();
    }

    /** Moves the member to {@code tier} when it differs; audit, timeline and a notification. */
    private boolean tier(EntityManager em, CrmUser user, Member m, String tier, Long txnId, List<CrmEvent> after) {
        if (tier.equals(m.tier)) {
            return false;
        }
        String from = m.tier;
        m.tier = tier;
        m.tierSince = rules.now();
        audit.record(user.username(), MemberService.RECORD, m.id.toString(), "tier", Map.of("tier", tier, "from", from, "rollingSpend", yuan(m.rollingSpendFen)),
                m.joinStoreAccountId);
        timeline.record(TimelineEntry.of(m.contactId, null, MembershipModule.ID, "TIER_CHANGED", "Tier " + from + " → " + tier,
                "Spend of the last " + rules.terms().tierWindowMonths() + " months CNY " + yuan(m.rollingSpendFen), user.username(), MemberService.RECORD,
                m.id.toString()).withTitleKey("timeline.title.tier", "@tier." + from, "@tier." + tier));
        notify(em, m, txnId == null ? null : em.find(Txn.class, txnId), "TIER_CHANGED", "您的会员等级已变更为" + tier + "。", "Your membership tier is now " + tier + ".");
        after.add(CrmEvent.of(MembershipEvents.TIER_CHANGED, user.username(), MembershipEvents.MEMBER_ID, m.id,
                MembershipEvents.CONTACT_ID, m.contactId, MembershipEvents.TIER, tier));
        return true;
    }

    private void notify(EntityManager em, Member m, Txn t, String type, String zh, String en) {
        outbox.write(em, m, t == null ? null : t.id, type, zh, en);
    }

    private void onTimeline(Member m, CrmUser user, String type, String title, String detail, Txn t, String titleKey, Object... titleArgs) {
        if (rules.terms().timelineForTransactions()) {
            timeline.record(TimelineEntry.of(m.contactId, null, MembershipModule.ID, type, title, detail, user.username(), "membership-txn", t.reference)
                    .withTitleKey(titleKey, titleArgs));
        }
    }

    // ---------------------------------------------------------------- checks

    /** The card used at the till: the member's (or a child of the member's pool), ACTIVE, and able to do it. */
    private static Card card(EntityManager em, Member m, String number, boolean points, boolean storedValue) {
        if (number == null || number.isBlank()) {
            return null;
        }
        Card c = CardService.byNumber(em, number, "cardNumber");
        if (!c.memberId.equals(m.id)) {
            throw new InvalidInputException("cardNumber", "card " + c.cardNumber + " belongs to another member", "membership.cardOfOther", c.cardNumber);
        }
        if (c.status != CardStatus.ACTIVE) {
            throw new ConflictException("card_blocked", "cardNumber", "card " + c.cardNumber + " is " + c.status + " and cannot be used", "membership.cardBlocked",
                    c.cardNumber, "cardStatus." + c.status);
        }
        if ((points && !c.kind.points) || (storedValue && !c.kind.storedValue)) {
            throw new ConflictException("card_kind", "cardNumber", "card " + c.cardNumber + " is a " + c.kind + " card and cannot be used for "
                    + (points ? "points" : "stored value"), "membership.cardKindNotFor", c.cardNumber, "cardKind." + c.kind, (points ? "use.POINTS" : "use.STORED_VALUE"));
        }
        return c;
    }

    private void visibleMember(EntityManager em, CrmUser user, long memberId) {
        Member m = em.find(Member.class, memberId);
        if (m == null || !scopes.canSee(user, m.joinStoreAccountId)) {
            throw new RecordNotFoundException(MemberService.RECORD, memberId);
        }
    }

    /** The store of a till transaction: required for scoped users (a STORE user's own by default) and inside their scope. */
    private Long store(CrmUser user, Long store) {
        boolean hq = user.scope() == null || user.scope().isUnrestricted();
        if (store == null) {
            if (hq) {
                return null;
            }
            if (user.scope().type() == org.opencrm.platform.api.security.ScopeType.STORE) {
                return user.scope().accountId();
            }
            throw new InvalidInputException("storeAccountId", "storeAccountId is required: the store where this happens", "membership.storeRequired");
        }
        if (hq) {
            if (knownStores.get(store) == null) {
                if (customers.account(store).isEmpty()) {
                    throw new InvalidInputException("storeAccountId", "account " + store + " does not exist", "noSuchAccount", store);
                }
                knownStores.put(store, Boolean.TRUE);
            }
            return store;
        }
        if (!scopes.canSee(user, store)) {
            throw new ScopeDeniedException("store " + store + " is outside your data scope: record transactions for your own stores", "membership.storeOutsideScope", store);
        }
        return store;
    }

    /** The member row locked for this transaction ({@code SELECT ... FOR UPDATE}), or null when there is none. */
    static Member lockMember(EntityManager em, long memberId) {
        List<Member> found = em.createNamedQuery(Member.LOCK, Member.class).setParameter("id", memberId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static Txn byReference(EntityManager em, String reference) {
        List<Txn> found = em.createQuery("SELECT t FROM Txn t WHERE t.reference = :r", Txn.class).setParameter("r", reference).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    static String reference(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("reference", "reference is required: the till's unique id of this request (a repeat is applied once)", "membership.referenceRequired");
        }
        String r = reference.strip();
        if (r.length() > MAX_REFERENCE || !r.matches("[A-Za-z0-9._:/-]+")) {
            throw new InvalidInputException("reference", "reference is up to " + MAX_REFERENCE + " letters, digits or . _ : / -", "membership.referenceFormat", MAX_REFERENCE);
        }
        if (r.startsWith("EXPIRE-")) {
            throw new InvalidInputException("reference", "references starting with EXPIRE- are the system's", "membership.referenceReserved");
        }
        return r;
    }

    /**
     * Points of a request within ±MAX_POINTS. Compared on both sides, not with Math.abs: Math.abs(Long.MIN_VALUE) is
     * negative and let -9223372036854775808 through (a balance of -9.2e18).
     */
    static long points(String field, Long points) {
        if (points == null) {
            throw new InvalidInputException(field, field + " is required", "required");
        }
        if (points < -MAX_POINTS || points > MAX_POINTS) {
            throw new InvalidInputException(field, field + " must be between -" + MAX_POINTS + " and " + MAX_POINTS, "membership.pointsRange", field, MAX_POINTS, MAX_POINTS);
        }
        return points;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, field + " is up to " + max + " characters", "tooLong", max);
        }
        return value.strip();
    }

    private static void body(Object in) {
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
    }

    private static String yuan(long fen) {
        return Money.yuan(fen).toPlainString();
    }
}
