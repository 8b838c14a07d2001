package ${package}.internal;

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
@Component(service = ${className}Service.class, configurationPid = ${className}Names.CONFIG_PID)
@Designate(ocd = ${className}Config.class)
public class ${className}Service {
    private final JpaTemplate jpa;
    private final CustomerDirectory customers;
    private final DataScopes scopes;
    private final AuditTrail audit;
    private final TimelineService timeline;
    private final CrmEventPublisher events;
    private volatile ${className}Config config;

    /** A record on the wire: the amount in yuan with at most 2 decimals. */
    @ApiSchema(required = { "contactId", "title", "amount" })
    public record ${className}Data(Long id, Long contactId, Long accountId, String title, BigDecimal amount, Instant createdAt, String createdBy) {
    }

    @Activate
    public ${className}Service(@Reference(target = ${className}Names.JPA_TARGET) JpaTemplate jpa, @Reference CustomerDirectory customers,
            @Reference DataScopes scopes, @Reference AuditTrail audit, @Reference TimelineService timeline,
            @Reference CrmEventPublisher events, ${className}Config config) {
        this.jpa = jpa;
        this.customers = customers;
        this.scopes = scopes;
        this.audit = audit;
        this.timeline = timeline;
        this.events = events;
        this.config = config;
    }

    @Modified
    void modified(${className}Config changed) {
        this.config = changed;
    }

    /** The records the user may see, newest first; of one contact when contactId is given. */
    public Page<${className}Data> list(CrmUser user, Long contactId, PageRequest page) {
        user.require(${className}Names.READ);
        if (contactId != null && !scopes.canSeeContact(user, contactId)) {
            throw new RecordNotFoundException("contact", contactId);
        }
        // the scope is taken per request: a moved account or a changed user is seen at once
        ScopeFilter scope = scopes.filter(user);
        String where = " WHERE r.id IS NOT NULL" + (contactId == null ? "" : " AND r.contactId = :contact") + scope.jpql("r.accountId");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(
                bind(em.createQuery("SELECT r FROM ${className}Record r" + where + " ORDER BY r.id DESC", ${className}Record.class), contactId, scope),
                bind(em.createQuery("SELECT COUNT(r) FROM ${className}Record r" + where, Long.class), contactId, scope),
                page).map(${className}Service::toData));
    }

    /** One record; 404 when it does not exist or lies outside the user's data scope (the same answer for both). */
    public ${className}Data get(CrmUser user, long id) {
        user.require(${className}Names.READ);
        ${className}Record r = jpa.txExpr(TransactionType.Supports, em -> em.find(${className}Record.class, id));
        if (r == null || !scopes.canSee(user, r.accountId)) {
            throw new RecordNotFoundException(${className}Names.AUDIT_TYPE, id);
        }
        return toData(r);
    }

    public ${className}Data create(CrmUser user, ${className}Data in) {
        user.require(${className}Names.WRITE);
        ${className}Config settings = config;
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
        ${className}Record r = new ${className}Record();
        r.contactId = contact.id();
        r.accountId = contact.accountId();
        r.title = title;
        r.amountFen = amount.fen();
        r.createdAt = Instant.now();
        r.createdBy = user.username();
        return jpa.txExpr(TransactionType.Required, em -> {
            em.persist(r);
            em.flush(); // assigns the id that the audit entry, the timeline and the event refer to
            audit.record(user.username(), ${className}Names.AUDIT_TYPE, r.id.toString(), "create",
                    Map.of("title", r.title, "amount", amount.yuan().toPlainString(), "contactId", r.contactId), r.accountId);
            timeline.record(TimelineEntry.of(r.contactId, r.accountId, ${className}Names.ID, ${className}Names.TIMELINE_ADDED, r.title,
                    amount.yuan().toPlainString() + " " + Money.CURRENCY, user.username(), ${className}Names.AUDIT_TYPE, r.id.toString()));
            // posted when this transaction commits, dropped if it rolls back
            events.post(${className}Names.EVENT_CREATED, user.username(), "id", r.id, "contactId", r.contactId, "accountId", r.accountId,
                    "amountFen", r.amountFen);
            return toData(r);
        });
    }

    /** Whether any record refers to the contact (for ContactReferences). */
    long countForContact(long contactId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(r) FROM ${className}Record r WHERE r.contactId = :c", Long.class)
                .setParameter("c", contactId).getSingleResult());
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Long contactId, ScopeFilter scope) {
        if (contactId != null) {
            query.setParameter("contact", contactId);
        }
        scope.bind(query::setParameter);
        return query;
    }

    private static ${className}Data toData(${className}Record r) {
        return new ${className}Data(r.id, r.contactId, r.accountId, r.title, Money.yuan(r.amountFen), r.createdAt, r.createdBy);
    }
}
