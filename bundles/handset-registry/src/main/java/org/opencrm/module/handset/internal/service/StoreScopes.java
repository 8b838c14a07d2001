package org.opencrm.module.handset.internal.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.handset.internal.model.Handset;
import org.opencrm.module.handset.internal.model.StoreScope;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.persistence.Queries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Data scopes for units: a scoped user (REGION, PARTNER, STORE) sees the units sold through stores inside the scope.
 * Single records are checked with the core's own rule (CustomerDirectory.canSeeAccount); lists filter on HS_STORE,
 * the tree position of every store that sold a unit, built from account ids exactly as the core builds its paths.
 * Units never sold (no store) are HQ stock: a scoped user finds one only by its exact IMEI or serial number (the
 * clerk has the box in hand to sell it), never in lists.
 */
@Component(service = StoreScopes.class)
public class StoreScopes {
    private static final int MAX_DEPTH = 32;
    static final int MAX_LISTED = 500;
    private final JpaTemplate jpa;
    private final CustomerDirectory customers;

    /** A JPQL condition on the unit alias {@code h} (empty when unrestricted) and its parameters. */
    public record Condition(String jpql, Map<String, Object> params) {
        static final Condition NONE = new Condition("", Map.of());
        static final Condition NOTHING = new Condition(" AND 1 = 0", Map.of());

        public boolean unrestricted() {
            return this == NONE;
        }

        public <Q extends javax.persistence.Query> Q bind(Q query) {
            params.forEach(query::setParameter);
            return query;
        }
    }

    @Activate
    public StoreScopes(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa, @Reference CustomerDirectory customers) {
        this.jpa = jpa;
        this.customers = customers;
    }

    /**
     * The user's scope as a condition on units. The stores in scope are looked up first and named in the condition,
     * so a store clerk's newest-first page walks the (store, id) index instead of sorting every unit of the scope;
     * a scope of more than {@link #MAX_LISTED} stores stays a subquery.
     */
    public Condition condition(CrmUser user) {
        DataScope s = user.scope();
        if (s == null || s.isUnrestricted()) {
            return Condition.NONE;
        }
        String storeCondition;
        Map<String, Object> params;
        switch (s.type()) {
            case REGION:
                storeCondition = "s.region = :scopeRegion";
                params = Map.of("scopeRegion", s.region() == null ? "" : s.region());
                break;
            case PARTNER:
            case STORE:
            default:
                String path = s.accountId() == null ? null : pathOf(s.accountId()).orElse(null);
                if (path == null) {
                    return Condition.NOTHING; // a user whose account is gone sees nothing rather than everything
                }
                storeCondition = "s.path LIKE :scopePath ESCAPE '\\'";
                params = Map.of("scopePath", Queries.escapeLike(path) + "%");
        }
        List<Long> stores = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("SELECT s.accountId FROM StoreScope s WHERE " + storeCondition, Long.class);
            params.forEach(q::setParameter);
            return q.setMaxResults(MAX_LISTED + 1).getResultList();
        });
        if (stores.isEmpty()) {
            return Condition.NOTHING;
        }
        if (stores.size() <= MAX_LISTED) {
            return new Condition(" AND h.storeAccountId IN :scopeStores", Map.of("scopeStores", List.copyOf(stores)));
        }
        return new Condition(" AND h.storeAccountId IN (SELECT s.accountId FROM StoreScope s WHERE " + storeCondition + ")", params);
    }

    /** Whether the user may see this unit: HQ always, others when its store is in their scope or it has no store. */
    public boolean canSee(CrmUser user, Handset h) {
        if (user.scope() == null || user.scope().isUnrestricted() || h.storeAccountId == null) {
            return true;
        }
        return customers.canSeeAccount(user, h.storeAccountId);
    }

    /** The account's position "/root/.../id/", or empty when it (or an ancestor) does not exist. */
    public Optional<String> pathOf(long accountId) {
        StringBuilder path = new StringBuilder("/");
        Set<Long> seen = new HashSet<>();
        Long id = accountId;
        while (id != null) {
            if (!seen.add(id) || seen.size() > MAX_DEPTH) {
                return Optional.empty(); // a cycle: never expected, but never loop
            }
            Optional<AccountRef> a = customers.account(id);
            if (a.isEmpty()) {
                return Optional.empty();
            }
            path.insert(0, "/" + id);
            id = a.get().parentId();
        }
        return Optional.of(path.toString());
    }

    /**
     * Makes sure the store has its HS_STORE row, in a transaction of its own so that two first sales at one store
     * cannot fail each other's sale over the row.
     */
    public void ensure(long storeAccountId) {
        boolean known = jpa.txExpr(TransactionType.Supports, em -> em.find(StoreScope.class, storeAccountId) != null);
        if (known) {
            return;
        }
        try {
            refresh(storeAccountId);
        } catch (RuntimeException raced) {
            // another sale inserting it first is fine; anything else is not
            if (!jpa.txExpr(TransactionType.Supports, em -> em.find(StoreScope.class, storeAccountId) != null)) {
                throw raced;
            }
        }
    }

    /** Re-reads the account's tree position and region from the core. */
    public void refresh(long accountId) {
        Optional<String> path = pathOf(accountId);
        Optional<AccountRef> account = customers.account(accountId);
        jpa.tx(TransactionType.RequiresNew, em -> {
            StoreScope s = em.find(StoreScope.class, accountId);
            if (path.isEmpty() || account.isEmpty()) {
                if (s != null) {
                    s.path = "/gone/" + accountId + "/"; // no longer in any subtree
                    s.refreshedAt = Instant.now();
                }
                return;
            }
            if (s == null) {
                s = new StoreScope();
                s.accountId = accountId;
                s.path = path.get();
                s.region = account.get().region();
                s.refreshedAt = Instant.now();
                em.persist(s);
            } else {
                s.path = path.get();
                s.region = account.get().region();
                s.refreshedAt = Instant.now();
            }
        });
    }

    /** After the core changed an account (it may have moved): refresh it and every known store below it. */
    public void accountChanged(long accountId) {
        List<Long> affected = jpa.txExpr(TransactionType.Supports, em -> stores(em, accountId));
        for (Long id : affected) {
            refresh(id);
        }
    }

    private static List<Long> stores(EntityManager em, long accountId) {
        return em.createQuery("SELECT s.accountId FROM StoreScope s WHERE s.accountId = :id OR s.path LIKE :below ESCAPE '\\'", Long.class)
                .setParameter("id", accountId).setParameter("below", "%/" + accountId + "/%").getResultList();
    }
}
