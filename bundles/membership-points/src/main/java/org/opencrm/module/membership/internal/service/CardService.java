package org.opencrm.module.membership.internal.service;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.api.MembershipEvents;
import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.CardData;
import org.opencrm.module.membership.internal.dto.CardRequest;
import org.opencrm.module.membership.internal.model.Card;
import org.opencrm.module.membership.internal.model.CardKind;
import org.opencrm.module.membership.internal.model.CardStatus;
import org.opencrm.module.membership.internal.model.Member;
import org.opencrm.module.membership.internal.model.MemberStatus;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ScopeDeniedException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.TransactionRetry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Cards and their life: issue (optionally as a child of another card, sharing its member's pool), activate, report
 * lost (blocks use at once: the till checks the status inside the transaction that uses the card), found, replace
 * (a new number, the old one dead; balances live on the member so they carry over), cancel. Each change locks the
 * member row first (the module's one lock order), then the card.
 */
@Component(service = CardService.class)
public class CardService {
    /** Runs a transaction that lost a lock race again (deadlock victim, lock timeout). */
    private final TransactionRetry retry = TransactionRetry.standard();
    public static final String RECORD = "card";
    /** Issuer prefix of generated card numbers (16 digits: prefix, 11-digit id, Luhn check digit). */
    static final String PREFIX = "8860";
    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final TimelineService timeline;
    private final CustomerDirectory customers;
    private final DataScopes scopes;
    private final Rules rules;
    private final CrmEventPublisher events;

    @Activate
    public CardService(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa, @Reference AuditTrail audit,
            @Reference TimelineService timeline, @Reference CustomerDirectory customers, @Reference DataScopes scopes, @Reference Rules rules,
            @Reference CrmEventPublisher events) {
        this.jpa = jpa;
        this.audit = audit;
        this.timeline = timeline;
        this.customers = customers;
        this.scopes = scopes;
        this.rules = rules;
        this.events = events;
    }

    public CardData issue(CrmUser user, CardRequest in) {
        user.require(MembershipModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        kind(in.kind());
        if (in.storeAccountId() != null && !scopes.canSee(user, in.storeAccountId())) {
            throw new ScopeDeniedException("store " + in.storeAccountId() + " is outside your data scope", "membership.storeOutsideScope", in.storeAccountId());
        }
        if (in.holderContactId() != null && customers.contact(in.holderContactId()).isEmpty()) {
            throw new InvalidInputException("holderContactId", "contact " + in.holderContactId() + " does not exist", "noSuchContact", in.holderContactId());
        }
        CardData out = retry.run("card issue", () -> jpa.txExpr(TransactionType.Required, em -> {
            Long memberId = in.memberId();
            if (in.parentCardNumber() != null) {
                Card parent = byNumber(em, in.parentCardNumber(), "parentCardNumber");
                if (memberId != null && !memberId.equals(parent.memberId)) {
                    throw new InvalidInputException("parentCardNumber", "card " + parent.cardNumber + " belongs to another member", "membership.cardOfOther", parent.cardNumber);
                }
                memberId = parent.memberId;
            }
            if (memberId == null) {
                throw new InvalidInputException("memberId", "memberId (or parentCardNumber) is required", "membership.memberRequired");
            }
            Member m = LedgerService.lockMember(em, memberId);
            if (m == null || !scopes.canSee(user, m.joinStoreAccountId)) {
                throw new RecordNotFoundException(MemberService.RECORD, memberId);
            }
            return Views.card(issueIn(em, user, m, in));
        }));
        post(user, out);
        return out;
    }

    /** Issues a card inside the caller's transaction, the member locked. */
    Card issueIn(EntityManager em, CrmUser user, Member m, CardRequest in) {
        if (m.status != MemberStatus.ACTIVE) {
            throw new ConflictException("member_not_active", "memberId", "member " + m.memberNumber + " is " + m.status, "membership.memberNotActive", m.memberNumber, "memberStatus." + m.status);
        }
        CardKind kind = kind(in.kind());
        Integer discount = in.discountPercent();
        if (kind.discount) {
            if (discount == null || discount < 1 || discount > 100) {
                throw new InvalidInputException("discountPercent", "discountPercent (1-100, the percent of the price paid, e.g. 95) is required for a " + kind + " card",
                        "membership.discountRequired", "cardKind." + kind);
            }
        } else if (discount != null) {
            throw new InvalidInputException("discountPercent", "a " + kind + " card has no discount", "membership.noDiscount", "cardKind." + kind);
        }
        Card parent = null;
        if (in.parentCardNumber() != null) {
            parent = byNumber(em, in.parentCardNumber(), "parentCardNumber");
            if (parent.parentCardId != null) {
                throw new InvalidInputException("parentCardNumber", "card " + parent.cardNumber + " is itself a child card", "membership.childOfChild", parent.cardNumber);
            }
            if (parent.status == CardStatus.CANCELLED || parent.status == CardStatus.REPLACED) {
                throw new ConflictException("card_dead", "parentCardNumber", "card " + parent.cardNumber + " is " + parent.status, "membership.cardIs", parent.cardNumber, "cardStatus." + parent.status);
            }
        }
        Card c = new Card();
        c.memberId = m.id;
        c.parentCardId = parent == null ? null : parent.id;
        c.holderContactId = in.holderContactId();
        c.kind = kind;
        c.discountPercent = kind.discount ? discount : null;
        c.issuedAtStoreAccountId = in.storeAccountId();
        c.issuedAt = rules.now();
        boolean activate = in.activate() != null && in.activate();
        c.status = activate ? CardStatus.ACTIVE : CardStatus.ISSUED;
        c.activatedAt = activate ? c.issuedAt : null;
        c.statusChangedAt = c.issuedAt;
        c.statusChangedBy = user.username();
        em.persist(c);
        c.cardNumber = number(c.id);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("cardNumber", c.cardNumber);
        changes.put("memberId", m.id);
        changes.put("kind", kind);
        changes.put("status", c.status);
        changes.put("parentCardId", c.parentCardId);
        changes.put("holderContactId", c.holderContactId);
        audit.record(user.username(), RECORD, c.id.toString(), "issue", changes, m.joinStoreAccountId);
        timeline.record(TimelineEntry.of(m.contactId, null, MembershipModule.ID, "CARD_ISSUED", "Card issued: " + c.cardNumber,
                kind + (parent == null ? "" : ", child of " + parent.cardNumber), user.username(), RECORD, c.cardNumber).withTitleKey("timeline.title.cardIssued", c.cardNumber));
        return c;
    }

    public CardData get(CrmUser user, String number) {
        if (!user.hasPermission(MembershipModule.CASHIER)) {
            user.require(MembershipModule.READ);
        }
        return jpa.txExpr(TransactionType.Supports, em -> Views.card(byNumber(em, number, null)));
    }

    public CardData activate(CrmUser user, String number, String note) {
        return change(user, number, "activate", note, CardStatus.ACTIVE, CardStatus.ISSUED);
    }

    /** Blocks the card at once: from the commit on, every use of the number is refused (409). */
    public CardData reportLost(CrmUser user, String number, String note) {
        return change(user, number, "report-lost", note, CardStatus.LOST, CardStatus.ISSUED, CardStatus.ACTIVE);
    }

    /** A lost card that turned up again before it was replaced. */
    public CardData found(CrmUser user, String number, String note) {
        return change(user, number, "found", note, CardStatus.ACTIVE, CardStatus.LOST);
    }

    public CardData cancel(CrmUser user, String number, String note) {
        return change(user, number, "cancel", note, CardStatus.CANCELLED, CardStatus.ISSUED, CardStatus.ACTIVE, CardStatus.LOST);
    }

    /**
     * A new card (new number, same member, kind, discount, parent and holder, ACTIVE) for a lost, damaged or active
     * card; the old number is REPLACED and dead. Child cards of the old card move to the new one.
     */
    public CardData replace(CrmUser user, String number, String note) {
        user.require(MembershipModule.WRITE);
        CardData[] both = retry.run("card replace", () -> jpa.txExpr(TransactionType.Required, em -> {
            Card old = lockedCard(em, user, number);
            if (old.status != CardStatus.ACTIVE && old.status != CardStatus.LOST && old.status != CardStatus.ISSUED) {
                throw new ConflictException("invalid_status", "status", "card " + old.cardNumber + " is " + old.status + " and cannot be replaced", "membership.cardNotReplaceable", old.cardNumber, "cardStatus." + old.status);
            }
            Member m = em.find(Member.class, old.memberId);
            Card c = new Card();
            c.memberId = old.memberId;
            c.parentCardId = old.parentCardId;
            c.holderContactId = old.holderContactId;
            c.kind = old.kind;
            c.discountPercent = old.discountPercent;
            c.issuedAtStoreAccountId = old.issuedAtStoreAccountId;
            c.issuedAt = rules.now();
            c.status = CardStatus.ACTIVE;
            c.activatedAt = c.issuedAt;
            c.statusChangedAt = c.issuedAt;
            c.statusChangedBy = user.username();
            em.persist(c);
            c.cardNumber = number(c.id);
            old.status = CardStatus.REPLACED;
            old.replacedById = c.id;
            old.statusChangedAt = c.issuedAt;
            old.statusChangedBy = user.username();
            em.createQuery("UPDATE Card k SET k.parentCardId = :n WHERE k.parentCardId = :o").setParameter("n", c.id).setParameter("o", old.id)
                    .executeUpdate();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", CardStatus.REPLACED);
            changes.put("replacedBy", c.cardNumber);
            changes.put("note", note);
            audit.record(user.username(), RECORD, old.id.toString(), "replace", changes, m.joinStoreAccountId);
            timeline.record(TimelineEntry.of(m.contactId, null, MembershipModule.ID, "CARD_REPLACED", "Card " + old.cardNumber + " replaced by " + c.cardNumber,
                    note, user.username(), RECORD, c.cardNumber).withTitleKey("timeline.title.cardReplaced", old.cardNumber, c.cardNumber));
            em.flush();
            return new CardData[] { Views.card(old), Views.card(c) };
        }));
        post(user, both[0]);
        post(user, both[1]);
        return both[1];
    }

    private CardData change(CrmUser user, String number, String action, String note, CardStatus to, CardStatus... from) {
        user.require(MembershipModule.WRITE);
        CardData out = retry.run("card " + action, () -> jpa.txExpr(TransactionType.Required, em -> {
            Card c = lockedCard(em, user, number);
            if (Arrays.stream(from).noneMatch(s -> s == c.status)) {
                throw new ConflictException("invalid_status", "status", "card " + c.cardNumber + " is " + c.status + "; " + action + " needs a card that is "
                        + String.join(" or ", Arrays.stream(from).map(Enum::name).toList()), "membership.cardWrongStatus", c.cardNumber, "cardStatus." + c.status);
            }
            CardStatus previous = c.status;
            c.status = to;
            c.statusChangedAt = rules.now();
            c.statusChangedBy = user.username();
            if (to == CardStatus.ACTIVE && c.activatedAt == null) {
                c.activatedAt = c.statusChangedAt;
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", to);
            changes.put("from", previous);
            changes.put("note", note);
            Member m = em.find(Member.class, c.memberId);
            audit.record(user.username(), RECORD, c.id.toString(), action, changes, m.joinStoreAccountId);
            timeline.record(TimelineEntry.of(m.contactId, null, MembershipModule.ID, "CARD_" + to.name(), "Card " + c.cardNumber + ": " + to,
                    note, user.username(), RECORD, c.cardNumber).withTitleKey("timeline.title.cardStatus", c.cardNumber, "@cardStatus." + to.name()));
            em.flush();
            return Views.card(c);
        }));
        post(user, out);
        return out;
    }

    /** The card, its member locked first (the module's lock order), then the card; scope-checked. */
    private Card lockedCard(EntityManager em, CrmUser user, String number) {
        Card c = byNumber(em, number, null);
        Member m = LedgerService.lockMember(em, c.memberId);
        if (m == null || !scopes.canSee(user, m.joinStoreAccountId)) {
            throw new RecordNotFoundException(RECORD, number);
        }
        em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        return c;
    }

    static Card byNumber(EntityManager em, String number, String field) {
        if (number == null || number.isBlank()) {
            throw new InvalidInputException(field == null ? "cardNumber" : field, "a card number is required", "membership.cardNumberRequired");
        }
        List<Card> found = em.createQuery("SELECT c FROM Card c WHERE c.cardNumber = :n", Card.class).setParameter("n", number.strip()).getResultList();
        if (found.isEmpty()) {
            if (field != null) {
                throw new InvalidInputException(field, "card " + number + " does not exist", "membership.noSuchCard", number);
            }
            throw new RecordNotFoundException(RECORD, number);
        }
        return found.get(0);
    }

    private void post(CrmUser user, CardData c) {
        events.post(List.of(CrmEvent.of(MembershipEvents.CARD_CHANGED, user.username(), MembershipEvents.MEMBER_ID, c.memberId(),
                MembershipEvents.CARD_NUMBER, c.cardNumber(), MembershipEvents.STATUS, c.status())));
    }

    /** 16 digits: prefix, the id in 11 digits, a Luhn check digit. */
    static String number(long id) {
        String body = PREFIX + String.format(Locale.ROOT, "%011d", id);
        int sum = 0;
        boolean twice = true; // from the right, the digit left of the check digit is doubled
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return body + (10 - sum % 10) % 10;
    }

    static CardKind kind(String value) {
        if (value == null) {
            throw new InvalidInputException("kind", "kind is required: one of " + Arrays.toString(CardKind.values()), "membership.kindRequired");
        }
        return enumOf("kind", value, CardKind.class);
    }

    static <E extends Enum<E>> E enumOf(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()), "notOneOf", value, Arrays.toString(type.getEnumConstants()));
        }
    }
}
