package org.opencrm.module.samplenotes.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.Queries;
import org.opencrm.platform.rest.ApiSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The module's logic, used by REST and the screens alike: permission and data-scope checks, validation,
 * persistence, the audit trail (each entry on the record's account), the contact's timeline and an event after
 * the commit.
 */
@Component(service = SampleNotesService.class, configurationPid = SampleNotesNames.CONFIG_PID)
@Designate(ocd = SampleNotesConfig.class)
public class SampleNotesService {
    private final JpaTemplate jpa;
    private final CustomerDirectory customers;
    private final DataScopes scopes;
    private final AuditTrail audit;
    private final TimelineService timeline;
    private final CrmEventPublisher events;
    private volatile SampleNotesConfig config;

    /** A record on the wire: the amount in yuan with at most 2 decimals. */
    @ApiSchema(required = { "contactId", "title", "amount" })
    public record SampleNotesData(Long id, Long contactId, Long accountId, String title, BigDecimal amount, Instant createdAt, String createdBy) {
    }

    @Activate
    public SampleNotesService(@Reference(target = SampleNotesNames.JPA_TARGET) JpaTemplate jpa, @Reference CustomerDirectory customers,
            @Reference DataScopes scopes, @Reference AuditTrail audit, @Reference TimelineService timeline,
            @Reference CrmEventPublisher events, SampleNotesConfig config) {
        this.jpa = jpa;
        this.customers = customers;
        this.scopes = scopes;
        this.audit = audit;
        this.timeline = timeline;
        this.events = events;
        this.config = config;
    }

    @Modified
    void modified(SampleNotesConfig changed) {
        this.config = changed;
    }

    /** The records the user may see, newest first; of one contact when contactId is given. */
    public Page<SampleNotesData> list(CrmUser user, Long contactId, PageRequest page) {
        user.require(SampleNotesNames.READ);
        if (contactId != null && !scopes.canSeeContact(user, contactId)) {
            throw new RecordNotFoundException("contact", contactId);
        }
        // the scope is taken per request: a moved account or a changed user is seen at once
        ScopeFilter scope = scopes.filter(user);
        String where = " WHERE r.id IS NOT NULL" + (contactId == null ? "" : " AND r.contactId = :contact") + scope.jpql("r.accountId");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(
                bind(em.createQuery("SELECT r FROM SampleNotesRecord r" + where + " ORDER BY r.id DESC", SampleNotesRecord.class), contactId, scope),
                bind(em.createQuery("SELECT COUNT(r) FROM SampleNotesRecord r" + where, Long.class), contactId, scope),
                page).map(SampleNotesService::toData));
    }

    /** One record; 404 when it does not exist or lies outside the user's data scope (the same answer for both). */
    public SampleNotesData get(CrmUser user, long id) {
        user.require(SampleNotesNames.READ);
        SampleNotesRecord r = jpa.txExpr(TransactionType.Supports, em -> em.find(SampleNotesRecord.class, id));
        if (r == null || !scopes.canSee(user, r.accountId)) {
            throw new RecordNotFoundException(SampleNotesNames.AUDIT_TYPE, id);
        }
        return toData(r);
    }

    public SampleNotesData create(CrmUser user, SampleNotesData in) {
        user.require(SampleNotesNames.WRITE);
        SampleNotesConfig settings = config;
        if (in.contactId() == null) {
            throw new InvalidInputException("contactId", "contactId is required", "required");
        }
        ContactRef contact = customers.contact(in.contactId()).filter(c -> scopes.canSeeContact(user, c.id()))
                .orElseThrow(() -> new InvalidInputException("contactId", "contact " + in.contactId() + " does not exist", "notFound", "contact",
                        String.valueOf(in.contactId())));
        // a write is refused outside the user's scope (403) rather than hidden
        scopes.require(user, contact.accountId(), "contact " + contact.id());
        String title = Validation.required("title", in.title(), settings.maxTitleLength());
        Money amount = Money.ofYuan("amount", in.amount(), Money.Sign.POSITIVE, Money.ofFen(Math.multiplyExact(settings.maxAmountYuan(), 100)));
        SampleNotesRecord r = new SampleNotesRecord();
        r.contactId = contact.id();
        r.accountId = contact.accountId();
        r.title = title;
        r.amountFen = amount.fen();
        r.createdAt = Instant.now();
        r.createdBy = user.username();
        return jpa.txExpr(TransactionType.Required, em -> {
            em.persist(r);
            em.flush(); // assigns the id that the audit entry, the timeline and the event refer to
            audit.record(user.username(), SampleNotesNames.AUDIT_TYPE, r.id.toString(), "create",
                    Map.of("title", r.title, "amount", amount.yuan().toPlainString(), "contactId", r.contactId), r.accountId);
            timeline.record(TimelineEntry.of(r.contactId, r.accountId, SampleNotesNames.ID, SampleNotesNames.TIMELINE_ADDED, r.title,
                    amount.yuan().toPlainString() + " " + Money.CURRENCY, user.username(), SampleNotesNames.AUDIT_TYPE, r.id.toString()));
            // posted when this transaction commits, dropped if it rolls back
            events.post(SampleNotesNames.EVENT_CREATED, user.username(), "id", r.id, "contactId", r.contactId, "accountId", r.accountId,
                    "amountFen", r.amountFen);
            return toData(r);
        });
    }

    /** Whether any record refers to the contact (for ContactReferences). */
    long countForContact(long contactId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(r) FROM SampleNotesRecord r WHERE r.contactId = :c", Long.class)
                .setParameter("c", contactId).getSingleResult());
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Long contactId, ScopeFilter scope) {
        if (contactId != null) {
            query.setParameter("contact", contactId);
        }
        scope.bind(query::setParameter);
        return query;
    }

    private static SampleNotesData toData(SampleNotesRecord r) {
        return new SampleNotesData(r.id, r.contactId, r.accountId, r.title, Money.yuan(r.amountFen), r.createdAt, r.createdBy);
    }
}
