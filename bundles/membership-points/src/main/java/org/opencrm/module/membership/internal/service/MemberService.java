package org.opencrm.module.membership.internal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.api.MembershipEvents;
import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.CardData;
import org.opencrm.module.membership.internal.dto.CardRequest;
import org.opencrm.module.membership.internal.dto.EnrolRequest;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.module.membership.internal.dto.MemberUpdate;
import org.opencrm.module.membership.internal.dto.Reports;
import org.opencrm.module.membership.internal.model.Card;
import org.opencrm.module.membership.internal.model.Member;
import org.opencrm.module.membership.internal.model.MemberStatus;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ScopeDeniedException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.SqlFailure;
import org.opencrm.platform.persistence.TransactionRetry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Members: enrolment (of an existing contact or one created in the join store), lookup at the till by card number,
 * member number or mobile, the scoped list, status changes, and the reports (points liability, tiers, activity).
 */
@Component(service = MemberService.class)
public class MemberService {
    /** Runs a transaction that lost a lock race again (deadlock victim, lock timeout). */
    private final TransactionRetry retry = TransactionRetry.standard();
    public static final String RECORD = "member";
    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final TimelineService timeline;
    private final CustomerDirectory customers;
    private final DataScopes scopes;
    private final Rules rules;
    private final CardService cards;
    private final CrmEventPublisher events;

    @Activate
    public MemberService(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa, @Reference AuditTrail audit,
            @Reference TimelineService timeline, @Reference CustomerDirectory customers, @Reference DataScopes scopes, @Reference Rules rules,
            @Reference CardService cards, @Reference CrmEventPublisher events) {
        this.jpa = jpa;
        this.audit = audit;
        this.timeline = timeline;
        this.customers = customers;
        this.scopes = scopes;
        this.rules = rules;
        this.cards = cards;
        this.events = events;
    }

    /** Enrols a contact as a member at a store, with its first card when {@code cardKind} is given. */
    public MemberData enrol(CrmUser user, EnrolRequest in) {
        user.require(MembershipModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        Long store = in.joinStoreAccountId();
        if (store == null && !user.scope().isUnrestricted()) {
            store = user.scope().accountId();
        }
        if (store != null) {
            if (customers.account(store).isEmpty()) {
                throw new InvalidInputException("joinStoreAccountId", "account " + store + " does not exist", "noSuchAccount", store);
            }
            if (!scopes.canSee(user, store)) {
                throw new ScopeDeniedException("store " + store + " is outside your data scope: members join at your own stores", "membership.storeOutsideScope", store);
            }
        }
        if (in.cardKind() != null) {
            CardService.kind(in.cardKind()); // 400 before anything is written
        }
        ContactRef contact;
        if (in.contactId() != null) {
            contact = customers.contact(in.contactId()).filter(c -> scopes.canSeeContact(user, c.id()))
                    .orElseThrow(() -> new InvalidInputException("contactId", "contact " + in.contactId() + " does not exist", "noSuchContact", in.contactId()));
        } else {
            String mobile = Validation.mobile("mobile", in.mobile());
            if (mobile == null) {
                throw new InvalidInputException("mobile", "mobile is required to enrol a new customer (or give contactId)", "membership.mobileRequired");
            }
            Optional<ContactRef> existing = customers.contactByMobile(mobile);
            contact = existing.isPresent() ? existing.get() : customers.createContact(user, in.name(), mobile, store);
        }
        Long joinStore = store;
        long contactId = contact.id();
        MemberData out;
        try {
            out = jpa.txExpr(TransactionType.Required, em -> {
                if (!em.createQuery("SELECT m.id FROM Member m WHERE m.contactId = :c", Long.class).setParameter("c", contactId).getResultList().isEmpty()) {
                    throw new ConflictException("duplicate", "contactId", "contact " + contactId + " is already a member", "membership.alreadyMember", contactId);
                }
                Member m = new Member();
                m.contactId = contactId;
                m.name = contact.name();
                m.mobile = contact.mobile();
                m.birthday = in.birthday() != null ? in.birthday() : contact.birthday();
                m.joinStoreAccountId = joinStore;
                m.tier = rules.lowestTier();
                m.status = MemberStatus.ACTIVE;
                m.createdAt = rules.now();
                m.tierSince = m.createdAt;
                m.createdBy = user.username();
                em.persist(m);
                m.memberNumber = String.format(Locale.ROOT, "M%09d", m.id);
                Map<String, Object> changes = new LinkedHashMap<>();
                changes.put("memberNumber", m.memberNumber);
                changes.put("contactId", contactId);
                changes.put("joinStoreAccountId", joinStore);
                changes.put("tier", m.tier);
                audit.record(user.username(), RECORD, m.id.toString(), "enrol", changes, m.joinStoreAccountId);
                timeline.record(TimelineEntry.of(contactId, null, MembershipModule.ID, "MEMBER_ENROLLED", "Member " + m.memberNumber,
                        "Tier " + m.tier + (joinStore == null ? "" : ", store " + joinStore), user.username(), RECORD, m.id.toString()).withTitleKey("timeline.title.enrolled", m.memberNumber));
                List<CardData> issued = new ArrayList<>();
                if (in.cardKind() != null) {
                    issued.add(Views.card(cards.issueIn(em, user, m, new CardRequest(m.id, in.cardKind(), null, null, in.discountPercent(), joinStore, true))));
                }
                em.flush();
                return Views.member(m, issued);
            });
        } catch (RuntimeException e) {
            if (SqlFailure.of(e) == SqlFailure.UNIQUE_VIOLATION) {
                throw new ConflictException("duplicate", "contactId", "contact " + contactId + " is already a member", "membership.alreadyMember", contactId);
            }
            throw e;
        }
        events.post(List.of(CrmEvent.of(MembershipEvents.MEMBER_ENROLLED, user.username(), MembershipEvents.MEMBER_ID, out.id(),
                MembershipEvents.CONTACT_ID, out.contactId(), MembershipEvents.TIER, out.tier())));
        return out;
    }

    /** A member's page: the member and its cards (404 outside the caller's scope). */
    public MemberData get(CrmUser user, long id) {
        user.require(MembershipModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Member m = em.find(Member.class, id);
            if (m == null || !scopes.canSee(user, m.joinStoreAccountId)) {
                throw new RecordNotFoundException(RECORD, id);
            }
            return Views.member(m, cardsOf(em, id));
        });
    }

    /**
     * The till's lookup: an exact card number (any of the member's cards, also a child card), member number or
     * mobile. Works for any store of the chain (a member may shop anywhere); empty when nothing matches.
     */
    public Optional<MemberData> lookup(CrmUser user, String key) {
        if (!user.hasPermission(MembershipModule.CASHIER)) {
            user.require(MembershipModule.READ);
        }
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("q", "a card number, member number or mobile is required", "membership.searchRequired");
        }
        String k = key.strip().toUpperCase(Locale.ROOT);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Member m = null;
            if (k.startsWith("M")) {
                m = first(em.createQuery("SELECT m FROM Member m WHERE m.memberNumber = :k", Member.class).setParameter("k", k).getResultList());
            } else {
                Card c = first(em.createQuery("SELECT c FROM Card c WHERE c.cardNumber = :k", Card.class).setParameter("k", k).getResultList());
                if (c != null) {
                    m = em.find(Member.class, c.memberId);
                } else {
                    m = first(em.createQuery("SELECT m FROM Member m WHERE m.mobile = :k ORDER BY m.id", Member.class).setParameter("k", k).getResultList());
                }
            }
            return m == null ? Optional.<MemberData>empty() : Optional.of(Views.member(m, cardsOf(em, m.id)));
        });
    }

    /** The scoped list, newest first: {@code q} = member-number or mobile prefix; filters tier, status, join store. */
    public Page<MemberData> search(CrmUser user, String tier, String status, Long storeAccountId, PageRequest page) {
        user.require(MembershipModule.READ);
        ScopeFilter scope = scopes.filter(user);
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> p = new LinkedHashMap<>();
            if (page.query() != null) {
                String q = page.query().toUpperCase(Locale.ROOT);
                if (q.startsWith("M")) {
                    where.append(" AND m.memberNumber LIKE :q ESCAPE '\\'");
                } else {
                    where.append(" AND m.mobile LIKE :q ESCAPE '\\'");
                }
                p.put("q", org.opencrm.platform.persistence.Queries.escapeLike(q) + "%");
            }
            if (tier != null) {
                where.append(" AND m.tier = :tier");
                p.put("tier", tier.toUpperCase(Locale.ROOT));
            }
            if (status != null) {
                where.append(" AND m.status = :status");
                p.put("status", CardService.enumOf("status", status, MemberStatus.class));
            }
            if (storeAccountId != null) {
                where.append(" AND m.joinStoreAccountId = :store");
                p.put("store", storeAccountId);
            }
            where.append(scope.jpql("m.joinStoreAccountId"));
            p.putAll(scope.parameters());
            var items = em.createQuery("SELECT m FROM Member m" + where + " ORDER BY m.id DESC", Member.class);
            var count = em.createQuery("SELECT COUNT(m) FROM Member m" + where, Long.class);
            p.forEach((k, v) -> {
                items.setParameter(k, v);
                count.setParameter(k, v);
            });
            items.setFirstResult(page.offset()).setMaxResults(page.limit());
            return new Page<>(items.getResultList().stream().map(m -> Views.member(m, null)).toList(), count.getSingleResult());
        });
    }

    /** Status (ACTIVE, SUSPENDED, CLOSED), birthday or join store. */
    public MemberData update(CrmUser user, long id, MemberUpdate in) {
        user.require(MembershipModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        MemberStatus status = in.status() == null ? null : CardService.enumOf("status", in.status(), MemberStatus.class);
        if (in.joinStoreAccountId() != null) {
            if (customers.account(in.joinStoreAccountId()).isEmpty()) {
                throw new InvalidInputException("joinStoreAccountId", "account " + in.joinStoreAccountId() + " does not exist", "noSuchAccount", in.joinStoreAccountId());
            }
            if (!scopes.canSee(user, in.joinStoreAccountId())) {
                throw new ScopeDeniedException("store " + in.joinStoreAccountId() + " is outside your data scope", "membership.storeOutsideScope", in.joinStoreAccountId());
            }
        }
        return retry.run("member update", () -> jpa.txExpr(TransactionType.Required, em -> {
            Member m = LedgerService.lockMember(em, id);
            if (m == null || !scopes.canSee(user, m.joinStoreAccountId)) {
                throw new RecordNotFoundException(RECORD, id);
            }
            if (m.status == MemberStatus.CLOSED && status != null && status != MemberStatus.CLOSED) {
                throw new ConflictException("invalid_status", "status", "member " + m.memberNumber + " is CLOSED; a closed membership cannot be reopened", "membership.closedForGood", m.memberNumber);
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            if (status != null && status != m.status) {
                m.status = status;
                changes.put("status", status);
            }
            if (in.birthday() != null && !in.birthday().equals(m.birthday)) {
                m.birthday = in.birthday();
                changes.put("birthday", in.birthday());
            }
            if (in.joinStoreAccountId() != null && !in.joinStoreAccountId().equals(m.joinStoreAccountId)) {
                m.joinStoreAccountId = in.joinStoreAccountId();
                changes.put("joinStoreAccountId", in.joinStoreAccountId());
            }
            if (!changes.isEmpty()) {
                m.version++;
                if (in.reason() != null) {
                    changes.put("reason", in.reason());
                }
                audit.record(user.username(), RECORD, m.id.toString(), "update", changes, m.joinStoreAccountId);
            }
            return Views.member(m, cardsOf(em, id));
        }));
    }

    /** Keeps name, mobile and birthday copied from the contact current (after the core changed the contact). */
    public void contactChanged(long contactId) {
        boolean member = jpa.txExpr(TransactionType.Supports, em -> !em.createQuery("SELECT m.id FROM Member m WHERE m.contactId = :c", Long.class)
                .setParameter("c", contactId).getResultList().isEmpty());
        Optional<ContactRef> c = member ? customers.contact(contactId) : Optional.empty();
        if (c.isEmpty()) {
            return;
        }
        retry.run("contact refresh", () -> jpa.txExpr(TransactionType.Required, em -> {
            for (Member m : em.createQuery("SELECT m FROM Member m WHERE m.contactId = :c", Member.class).setParameter("c", contactId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
                m.name = c.get().name();
                m.mobile = c.get().mobile();
                if (c.get().birthday() != null) {
                    m.birthday = c.get().birthday();
                }
            }
            return null;
        }));
    }

    // ---------------------------------------------------------------- reports

    /** Outstanding points (and their cash value) and stored value of the members in the caller's scope. */
    public Reports.Liability liability(CrmUser user) {
        user.require(MembershipModule.READ);
        ScopeFilter scope = scopes.filter(user);
        return jpa.txExpr(TransactionType.Supports, em -> {
            var sums = em.createQuery("SELECT SUM(m.pointsBalance), SUM(m.valueBalanceFen) FROM Member m WHERE 1 = 1" + scope.jpql("m.joinStoreAccountId"),
                    Object[].class);
            scope.bind(sums::setParameter);
            Object[] row = sums.getSingleResult();
            long points = row[0] == null ? 0 : ((Number) row[0]).longValue();
            long value = row[1] == null ? 0 : ((Number) row[1]).longValue();
            var holding = em.createQuery("SELECT COUNT(m) FROM Member m WHERE m.pointsBalance > 0" + scope.jpql("m.joinStoreAccountId"), Long.class);
            scope.bind(holding::setParameter);
            long holders = holding.getSingleResult();
            return new Reports.Liability(points, Money.yuan(rules.redemptionValueFen(points)), Money.yuan(value), Views.CNY, holders);
        });
    }

    /** Members per tier (configured tiers in order, every one listed) in the caller's scope. */
    public Reports.TierDistribution tiers(CrmUser user) {
        user.require(MembershipModule.READ);
        ScopeFilter scope = scopes.filter(user);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            rules.terms().tiers().forEach(t -> counts.put(t.name(), 0L));
            var perTier = em.createQuery("SELECT m.tier, COUNT(m) FROM Member m WHERE m.status <> :closed" + scope.jpql("m.joinStoreAccountId")
                    + " GROUP BY m.tier", Object[].class);
            scope.bind(perTier::setParameter);
            for (Object[] r : perTier.setParameter("closed", MemberStatus.CLOSED).getResultList()) {
                counts.merge((String) r[0], ((Number) r[1]).longValue(), Long::sum);
            }
            List<Reports.TierCount> out = counts.entrySet().stream().map(e -> new Reports.TierCount(e.getKey(), e.getValue())).toList();
            return new Reports.TierDistribution(out, out.stream().mapToLong(Reports.TierCount::members).sum());
        });
    }

    /** Members with a transaction in the last {@code days} days. */
    public Reports.ActiveMembers active(CrmUser user, int days) {
        user.require(MembershipModule.READ);
        if (days < 1 || days > 3660) {
            throw new InvalidInputException("days", "days must be between 1 and 3660", "membership.daysRange");
        }
        ScopeFilter scope = scopes.filter(user);
        Instant since = rules.now().minus(java.time.Duration.ofDays(days));
        return jpa.txExpr(TransactionType.Supports, em -> {
            var recent = em.createQuery("SELECT COUNT(m) FROM Member m WHERE m.lastActivityAt >= :since" + scope.jpql("m.joinStoreAccountId"), Long.class);
            var open = em.createQuery("SELECT COUNT(m) FROM Member m WHERE m.status <> :closed" + scope.jpql("m.joinStoreAccountId"), Long.class);
            scope.bind(recent::setParameter);
            scope.bind(open::setParameter);
            long active = recent.setParameter("since", since).getSingleResult();
            long total = open.setParameter("closed", MemberStatus.CLOSED).getSingleResult();
            return new Reports.ActiveMembers(days, active, total);
        });
    }

    static List<CardData> cardsOf(EntityManager em, long memberId) {
        return em.createQuery("SELECT c FROM Card c WHERE c.memberId = :m ORDER BY c.id", Card.class).setParameter("m", memberId).getResultList()
                .stream().map(Views::card).toList();
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
