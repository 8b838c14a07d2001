package org.opencrm.module.repair.internal.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.ScopeDeniedException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.event.CrmEvents;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What every service of the module shares: the persistence unit, the platform's audit trail, timeline, customer
 * directory, data scopes, the settings and clock, and the platform's event publisher (optional: events are dropped
 * without it).
 *
 * <p>Data scope: a service centre, a regional warehouse and HQ are core accounts, and the module's records belong to
 * one of them (a repair order to its centre, stock to its warehouse's account). A user sees a record when the
 * platform's rule ({@link DataScopes#canSee}) lets them see that account: HQ users everything, a centre's staff
 * (PARTNER or STORE scope on the centre's account) their centre only, a REGION user the centres of the region. Lists
 * narrow their account columns with the user's {@link ScopeFilter}.
 */
@Component(service = RepairContext.class)
public class RepairContext {
    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final TimelineService timeline;
    private final CustomerDirectory customers;
    private final DataScopes scopes;
    private final RepairSettings settings;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CrmEventPublisher events;

    @Activate
    public RepairContext(@Reference(target = "(osgi.unit.name=crm-repair)") JpaTemplate jpa, @Reference AuditTrail audit, @Reference TimelineService timeline,
            @Reference CustomerDirectory customers, @Reference DataScopes scopes, @Reference RepairSettings settings) {
        this.jpa = jpa;
        this.audit = audit;
        this.timeline = timeline;
        this.customers = customers;
        this.scopes = scopes;
        this.settings = settings;
    }

    public JpaTemplate jpa() {
        return jpa;
    }

    public CustomerDirectory customers() {
        return customers;
    }

    /** The platform's data-scope rule: {@code canSee}/{@code require} for one account, {@code filter} for lists. */
    public DataScopes scopes() {
        return scopes;
    }

    public RepairSettings settings() {
        return settings;
    }

    public Instant now() {
        return settings.now();
    }

    /** For tests and the shell: where events go. */
    public void setEvents(CrmEventPublisher events) {
        this.events = events;
    }

    // ---------------------------------------------------------------- attribution

    /**
     * Call inside the transaction of the change. {@code accountId}: the account the record belongs to (an order's or
     * request's centre, a warehouse's account; null for the catalogues, HQ's): who may read the entry in the audit trail.
     */
    public void audit(CrmUser user, String recordType, Object id, String action, Map<String, ?> changes, Long accountId) {
        audit.record(user.username(), recordType, String.valueOf(id), action, changes, accountId);
    }

    /** A customer-visible step on the contact's timeline; call inside the transaction of the change. */
    /** A fact on the customer's timeline: {@code title} in English, {@code titleKey} and its values said in the reader's language. */
    public void timeline(long contactId, CrmUser user, String type, String title, String detail, String refType, Object refId, String titleKey,
            Object... titleArgs) {
        timeline.record(TimelineEntry.of(contactId, null, RepairModule.ID, type, title, detail, user.username(), refType, String.valueOf(refId))
                .withTitleKey(titleKey, titleArgs));
    }

    /**
     * Posts an event once the transaction of the change committed (see {@link CrmEventPublisher}): call it inside the
     * transaction or after it. {@code keyValues}: key, value, ...; null values are left out.
     */
    public void post(String topic, CrmUser user, Object... keyValues) {
        CrmEventPublisher publisher = events;
        if (publisher != null) {
            publisher.post(topic, user.username(), keyValues);
        }
    }

    // ---------------------------------------------------------------- data scope

    /**
     * 400 naming the field unless the contact exists; 403 unless the user may see the contact or acts for the service
     * centre {@code centreAccountId} (a centre serves any customer who walks in).
     */
    public void requireContact(CrmUser user, Long contactId, String field, Long centreAccountId) {
        if (contactId == null) {
            throw new InvalidInputException(field, field + " is required", "required");
        }
        if (customers.contact(contactId).isEmpty()) {
            throw new InvalidInputException(field, "contact " + contactId + " does not exist", "noSuchContact", contactId);
        }
        boolean forCentre = centreAccountId != null ? scopes.canSee(user, centreAccountId) : canSeeAnyCentre(user);
        if (!forCentre && !scopes.canSeeContact(user, contactId)) {
            throw ScopeDeniedException.outside("contact " + contactId);
        }
    }

    /** A service centre serves any customer who walks in: scoped centre staff may act for a contact of another subtree. */
    private boolean canSeeAnyCentre(CrmUser user) {
        ScopeFilter scope = scopes.filter(user);
        if (scope.isUnrestricted() || scope.isNothing()) {
            return scope.isUnrestricted();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            var warehouses = em.createQuery("SELECT COUNT(w) FROM Warehouse w WHERE 1 = 1" + scope.jpql("w.accountId"), Long.class);
            scope.bind(warehouses::setParameter);
            return warehouses.getSingleResult() > 0;
        });
    }
}
