package org.opencrm.module.channel.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.channel.api.ChannelEvents;
import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.ChannelNames;
import org.opencrm.module.channel.internal.dto.ChangeInput;
import org.opencrm.module.channel.internal.dto.CreditData;
import org.opencrm.module.channel.internal.dto.HistoryData;
import org.opencrm.module.channel.internal.dto.PartnerData;
import org.opencrm.module.channel.internal.dto.PartnerInput;
import org.opencrm.module.channel.internal.model.ChannelType;
import org.opencrm.module.channel.internal.model.CreditStatus;
import org.opencrm.module.channel.internal.model.HistoryKind;
import org.opencrm.module.channel.internal.model.PartnerHistory;
import org.opencrm.module.channel.internal.model.PartnerProfile;
import org.opencrm.module.channel.internal.model.SettlementTerm;
import org.opencrm.module.channel.internal.service.ChannelTexts.Text;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
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
 * Partner profiles on core accounts of a channel type: grade, credit limit, settlement term, credit status, account
 * manager; their history; the grade evaluation on trailing-12-month net sell-in (on every shipment and by the periodic
 * run; a grade fixed by HQ with a reason stays until released with "AUTO").
 *
 * <p>Data scope: a partner's own users see their account's subtree; anything outside it is answered as not found.
 */
@Component(service = PartnerService.class)
public class PartnerService {
    public static final String RECORD = "partner";
    /** The grade value of a change that hands the grade back to the evaluation. */
    public static final String AUTO = "AUTO";
    static final Money MAX_LIMIT = Money.ofFen(1_000_000_000_000_00L);
    private final TransactionRetry retry = TransactionRetry.standard();
    private final JpaTemplate jpa;
    private final DataScopes scopes;
    private final CustomerDirectory customers;
    private final ChannelSettings settings;
    private final ChannelRecords records;

    @Activate
    public PartnerService(@Reference(target = ChannelNames.JPA_TARGET) JpaTemplate jpa, @Reference DataScopes scopes, @Reference CustomerDirectory customers,
            @Reference ChannelSettings settings, @Reference ChannelRecords records) {
        this.jpa = jpa;
        this.scopes = scopes;
        this.customers = customers;
        this.settings = settings;
        this.records = records;
    }

    /** HQ makes a core account of a channel type a partner. */
    public PartnerData create(CrmUser user, PartnerInput in) {
        user.require(ChannelModule.ADMIN);
        if (in == null || in.accountId() == null) {
            throw new InvalidInputException("accountId", "accountId is required", "required");
        }
        long accountId = in.accountId();
        AccountRef account = customers.account(accountId).orElseThrow(() -> new InvalidInputException("accountId", "account " + accountId + " does not exist",
                "channel.account.unknown", accountId));
        if (!scopes.canSee(user, accountId)) {
            throw new InvalidInputException("accountId", "account " + accountId + " does not exist", "channel.account.unknown", accountId);
        }
        ChannelType type = in.channelType() == null ? null : channelType(in.channelType());
        if (type == null) {
            if (!ChannelType.isChannel(account.type())) {
                throw new InvalidInputException("channelType", "account " + account.name() + " is a " + account.type() + ", not a channel partner: name the channelType",
                        "channel.channelType.required", account.name());
            }
            type = ChannelType.valueOf(account.type());
        }
        long limit = in.creditLimit() == null ? 0 : Money.ofYuan("creditLimit", in.creditLimit(), Money.Sign.NON_NEGATIVE, MAX_LIMIT).fen();
        SettlementTerm term = in.term() == null ? SettlementTerm.MONTHLY : term(in.term());
        String manager = optional("accountManager", in.accountManager(), 64);
        ChannelType channelType = type;
        try {
            return retry.run("partner create", () -> jpa.txExpr(TransactionType.Required, em -> {
                if (em.find(PartnerProfile.class, accountId) != null) {
                    throw new ConflictException("duplicate", "accountId", "account " + accountId + " is a partner already", "channel.partner.exists", account.name());
                }
                PartnerProfile p = new PartnerProfile();
                p.accountId = accountId;
                p.accountName = account.name();
                p.channelType = channelType;
                LocalDate today = settings.today();
                p.trailingSellInFen = 0;
                p.grade = in.grade() == null ? settings.grades().lowest() : settings.grades().require("grade", in.grade());
                p.gradeFixed = in.grade() != null;
                p.creditLimitFen = limit;
                p.term = term;
                p.creditStatus = CreditStatus.NORMAL;
                p.accountManager = manager;
                p.createdAt = settings.now();
                p.createdBy = user.username();
                em.persist(p);
                Text reason = in.reason() == null ? Text.of(REASON_CREATED) : Text.typed(in.reason().strip());
                history(em, p, HistoryKind.GRADE, null, p.grade, reason, user.username());
                history(em, p, HistoryKind.CREDIT_LIMIT, null, Money.yuan(limit).toPlainString(), reason, user.username());
                history(em, p, HistoryKind.TERM, null, term.name(), reason, user.username());
                records.audit(user.username(), RECORD, accountId, "create", ChannelRecords.changes("channelType", channelType, "grade", p.grade, "creditLimit",
                        Money.yuan(limit), "term", term, "accountManager", manager), accountId);
                records.timeline(accountId, "channel.partner", "Channel partner: " + p.grade + ", credit limit " + Money.yuan(limit) + " CNY, " + term, null,
                        user.username(), RECORD, accountId, "timeline.title.partner", "@grade." + p.grade, Money.yuan(limit).toPlainString(), "@term." + term);
                em.flush();
                return data(em, p, today);
            }));
        } catch (RuntimeException e) {
            if (SqlFailure.of(e).isIntegrityViolation()) {
                throw new ConflictException("duplicate", "accountId", "account " + accountId + " is a partner already", "channel.partner.exists", account.name());
            }
            throw e;
        }
    }

    public PartnerData get(CrmUser user, long accountId) {
        return get(user, accountId, Locale.ENGLISH);
    }

    /** The partner, its automatic status reason in the reader's language. */
    public PartnerData get(CrmUser user, long accountId, Locale reader) {
        user.require(ChannelModule.READ);
        visible(user, accountId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            PartnerProfile p = em.find(PartnerProfile.class, accountId);
            if (p == null) {
                throw new RecordNotFoundException(RECORD, accountId);
            }
            return data(em, p, settings.today(), reader);
        });
    }

    /** Whether the account is a partner the user may see (the account page's tab asks this). */
    public boolean isPartner(CrmUser user, long accountId) {
        return user.hasPermission(ChannelModule.READ) && scopes.canSee(user, accountId)
                && jpa.txExpr(TransactionType.Supports, em -> em.find(PartnerProfile.class, accountId) != null);
    }

    public CreditData credit(CrmUser user, long accountId) {
        return get(user, accountId).credit();
    }

    /** Partners in the user's scope, by name; q: a name prefix; grade, status: filters. */
    public Page<PartnerData> list(CrmUser user, PageRequest page, String grade, String status) {
        user.require(ChannelModule.READ);
        ScopeFilter scope = scopes.filter(user);
        if (scope.isNothing()) {
            return new Page<>(List.of(), 0);
        }
        CreditStatus st = status == null || status.isBlank() ? null : creditStatus(status);
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            if (page.query() != null && !page.query().isBlank()) {
                where.append(" AND p.accountName LIKE :q");
            }
            if (grade != null && !grade.isBlank()) {
                where.append(" AND p.grade = :g");
            }
            if (st != null) {
                where.append(" AND p.creditStatus = :s");
            }
            where.append(scope.jpql("p.accountId"));
            TypedQuery<PartnerProfile> q = em.createQuery("SELECT p FROM PartnerProfile p" + where + " ORDER BY p.accountName, p.accountId", PartnerProfile.class);
            javax.persistence.Query c = em.createQuery("SELECT COUNT(p) FROM PartnerProfile p" + where);
            for (javax.persistence.Query x : List.of(q, c)) {
                if (page.query() != null && !page.query().isBlank()) {
                    x.setParameter("q", page.query().strip() + "%");
                }
                if (grade != null && !grade.isBlank()) {
                    x.setParameter("g", grade.strip());
                }
                if (st != null) {
                    x.setParameter("s", st);
                }
                scope.bind(x::setParameter);
            }
            LocalDate today = settings.today();
            List<PartnerData> items = new ArrayList<>();
            for (PartnerProfile p : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                items.add(data(em, p, today));
            }
            return new Page<>(items, ((Number) c.getSingleResult()).longValue());
        });
    }

    /**
     * One change with its reason: the grade (HQ fixes it; "AUTO" hands it back to the evaluation), the credit limit, the
     * settlement term (channel.admin), or the credit status (channel.admin, or channel.finance for a hold).
     */
    public PartnerData change(CrmUser user, long accountId, ChangeInput in) {
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "required");
        }
        int given = (in.grade() != null ? 1 : 0) + (in.creditLimit() != null ? 1 : 0) + (in.term() != null ? 1 : 0) + (in.status() != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("body", "name exactly one of grade, creditLimit, term, status", "channel.change.one");
        }
        String reason = required("reason", in.reason(), 500);
        CreditStatus status = in.status() == null ? null : creditStatus(in.status());
        if (status != null && status == CreditStatus.ON_HOLD && user.hasPermission(ChannelModule.FINANCE)) {
            user.require(ChannelModule.FINANCE);
        } else {
            user.require(ChannelModule.ADMIN);
        }
        visible(user, accountId);
        String grade = in.grade() == null ? null : AUTO.equals(in.grade().strip()) ? AUTO : settings.grades().require("grade", in.grade());
        Long limit = in.creditLimit() == null ? null : Money.ofYuan("creditLimit", in.creditLimit(), Money.Sign.NON_NEGATIVE, MAX_LIMIT).fen();
        SettlementTerm term = in.term() == null ? null : term(in.term());
        return retry.run("partner change", () -> jpa.txExpr(TransactionType.Required, em -> {
            PartnerProfile p = Books.lock(em, accountId);
            Instant now = settings.now();
            LocalDate today = settings.today();
            if (grade != null) {
                if (AUTO.equals(grade)) {
                    p.gradeFixed = false;
                    evaluate(em, p, today, user.username(), REASON_RELEASED, reason);
                } else {
                    p.gradeFixed = true;
                    setGrade(em, p, grade, Text.of(REASON_HQ, reason), user.username());
                }
            } else if (limit != null) {
                history(em, p, HistoryKind.CREDIT_LIMIT, Money.yuan(p.creditLimitFen).toPlainString(), Money.yuan(limit).toPlainString(), Text.typed(reason),
                        user.username());
                p.creditLimitFen = limit;
                records.audit(user.username(), RECORD, accountId, "creditLimit", ChannelRecords.changes("creditLimit", Money.yuan(limit), "reason", reason), accountId);
                records.timeline(accountId, "channel.partner", "Credit limit " + Money.yuan(limit) + " CNY", reason, user.username(), RECORD, accountId,
                        "timeline.title.creditLimit", Money.yuan(limit).toPlainString());
            } else if (term != null) {
                history(em, p, HistoryKind.TERM, p.term.name(), term.name(), Text.typed(reason), user.username());
                p.term = term;
                records.audit(user.username(), RECORD, accountId, "term", ChannelRecords.changes("term", term, "reason", reason), accountId);
                records.timeline(accountId, "channel.partner", "Settlement term " + term, reason, user.username(), RECORD, accountId,
                        "timeline.title.term", "@term." + term);
            } else {
                setStatus(em, p, status, Text.typed(reason), user.username(), now);
            }
            p.version++;
            em.flush();
            return data(em, p, today);
        }));
    }

    public Page<HistoryData> history(CrmUser user, long accountId, PageRequest page) {
        return history(user, accountId, page, Locale.ENGLISH);
    }

    /** The partner's changes, newest first, a system's reasons in the reader's language. */
    public Page<HistoryData> history(CrmUser user, long accountId, PageRequest page, Locale reader) {
        user.require(ChannelModule.READ);
        visible(user, accountId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<HistoryData> items = em.createQuery("SELECT h FROM PartnerHistory h WHERE h.accountId = :a ORDER BY h.id DESC", PartnerHistory.class)
                    .setParameter("a", accountId).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                    .map(h -> new HistoryData(h.id, h.kind.name(), h.fromValue, h.toValue, ChannelTexts.said(reader, h.reason, h.reasonKey, h.reasonArgs), h.actor,
                            h.changedAt)).toList();
            long total = ((Number) em.createQuery("SELECT COUNT(h) FROM PartnerHistory h WHERE h.accountId = :a").setParameter("a", accountId)
                    .getSingleResult()).longValue();
            return new Page<>(items, total);
        });
    }

    /** The periodic grade evaluation: every partner in its own short transaction; the number of grades changed. */
    public int evaluateAll() {
        List<Long> ids = jpa.txExpr(TransactionType.Supports,
                em -> em.createQuery("SELECT p.accountId FROM PartnerProfile p ORDER BY p.accountId", Long.class).getResultList());
        int changed = 0;
        for (Long id : ids) {
            boolean c = retry.run("grade evaluation", () -> jpa.txExpr(TransactionType.Required, em -> {
                PartnerProfile p = Books.lock(em, id);
                return evaluate(em, p, settings.today(), CrmUser.SYSTEM.username(), REASON_PERIODIC, null);
            }));
            changed += c ? 1 : 0;
        }
        return changed;
    }

    // ------------------------------------------------------------ inside a transaction, the partner locked

    /** Why a grade changed or a partner was created, as the module's texts (en, zh_CN): the history says them in the reader's language. */
    static final String REASON_CREATED = "history.reason.created";
    static final String REASON_HQ = "history.reason.hq";
    static final String REASON_RELEASED = "history.reason.released";
    static final String REASON_PERIODIC = "history.reason.periodic";
    static final String REASON_SHIPMENT = "history.reason.shipment";
    static final String REASON_RETURN = "history.reason.return";

    /**
     * Net sell-in of the last 12 months, and the grade it gives unless HQ fixed one; whether the grade changed. {@code why}:
     * one of the REASON_ texts, said with {@code whyValue} (a number, a typed reason; null: none) and the net sell-in.
     */
    boolean evaluate(EntityManager em, PartnerProfile p, LocalDate today, String actor, String why, String whyValue) {
        p.trailingSellInFen = Books.netSellIn(em, p.accountId, Books.trailingStart(today), today);
        if (p.gradeFixed) {
            return false;
        }
        String g = settings.grades().gradeFor(p.trailingSellInFen);
        if (g.equals(p.grade)) {
            return false;
        }
        BigDecimal sellIn = Money.yuan(p.trailingSellInFen);
        setGrade(em, p, g, whyValue == null ? Text.of(why, sellIn) : Text.of(why, whyValue, sellIn), actor);
        return true;
    }

    private void setGrade(EntityManager em, PartnerProfile p, String grade, Text why, String actor) {
        String reason = why.words();
        String before = p.grade;
        history(em, p, HistoryKind.GRADE, before, grade, why, actor);
        p.grade = grade;
        records.audit(actor, RECORD, p.accountId, "grade", ChannelRecords.changes("grade", grade, "fixed", p.gradeFixed, "reason", reason), p.accountId);
        records.timeline(p.accountId, "channel.grade", "Grade " + before + " → " + grade, reason, actor, RECORD, p.accountId,
                "timeline.title.grade", "@grade." + before, "@grade." + grade);
        records.event(ChannelEvents.GRADE_CHANGED, actor, p.accountId, "grade", grade, "previousGrade", before, "reason", reason);
    }

    void setStatus(EntityManager em, PartnerProfile p, CreditStatus status, Text why, String actor, Instant now) {
        String reason = why.words();
        if (p.creditStatus == status) {
            return;
        }
        history(em, p, HistoryKind.CREDIT_STATUS, p.creditStatus.name(), status.name(), why, actor);
        p.creditStatus = status;
        p.creditStatusReason = reason;
        p.creditStatusReasonKey = why.key();
        p.creditStatusReasonArgs = why.args();
        p.creditStatusBy = actor;
        p.creditStatusAt = now;
        records.audit(actor, RECORD, p.accountId, "creditStatus", ChannelRecords.changes("creditStatus", status, "reason", reason), p.accountId);
        records.timeline(p.accountId, "channel.credit", "Credit status " + status, reason, actor, RECORD, p.accountId,
                "timeline.title.creditStatus", "@status." + status);
        records.event(ChannelEvents.CREDIT_STATUS_CHANGED, actor, p.accountId, "status", status.name(), "reason", reason);
    }

    void history(EntityManager em, PartnerProfile p, HistoryKind kind, String from, String to, Text why, String actor) {
        String reason = why.words();
        PartnerHistory h = new PartnerHistory();
        h.accountId = p.accountId;
        h.kind = kind;
        h.fromValue = from;
        h.toValue = to;
        h.reason = reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
        h.reasonKey = why.key();
        h.reasonArgs = why.args();
        h.actor = actor;
        h.changedAt = settings.now();
        em.persist(h);
    }

    PartnerData data(EntityManager em, PartnerProfile p, LocalDate today) {
        return data(em, p, today, Locale.ENGLISH);
    }

    PartnerData data(EntityManager em, PartnerProfile p, LocalDate today, Locale reader) {
        Books.Position pos = Books.position(em, p, today);
        return new PartnerData(p.accountId, p.accountName, p.channelType.name(), p.grade, p.gradeFixed, Money.yuan(p.creditLimitFen), p.term.name(), p.term.days(),
                p.creditStatus.name(), ChannelTexts.said(reader, p.creditStatusReason, p.creditStatusReasonKey, p.creditStatusReasonArgs), p.creditStatusBy, p.creditStatusAt, p.accountManager, Money.yuan(p.trailingSellInFen),
                pos.data(p.creditStatus.name()));
    }

    // ------------------------------------------------------------ checks

    /** The partner account a request names (400 when it names none), visible to the user (404 otherwise). */
    long requestedAccount(CrmUser user, Object body, Long accountId) {
        if (body == null || accountId == null) {
            throw new InvalidInputException("accountId", "accountId is required", "required");
        }
        visible(user, accountId);
        return accountId;
    }

    /** A partner outside the user's scope is not found (404), like one that does not exist. */
    void visible(CrmUser user, long accountId) {
        if (!scopes.canSee(user, accountId)) {
            throw new RecordNotFoundException(RECORD, accountId);
        }
    }

    static ChannelType channelType(String s) {
        try {
            return ChannelType.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channelType", "channelType must be one of " + List.of(ChannelType.values()), "channel.channelType.invalid", s);
        }
    }

    static SettlementTerm term(String s) {
        try {
            return SettlementTerm.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("term", "term must be one of " + List.of(SettlementTerm.values()), "channel.term.invalid", s);
        }
    }

    static CreditStatus creditStatus(String s) {
        try {
            return CreditStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "status must be one of " + List.of(CreditStatus.values()), "channel.status.invalid", s);
        }
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required", "required");
        }
        return optional(field, value, max);
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, field + " is up to " + max + " characters", "tooLong", max);
        }
        return value.strip();
    }

    static BigDecimal yuan(long fen) {
        return Money.yuan(fen);
    }
}
