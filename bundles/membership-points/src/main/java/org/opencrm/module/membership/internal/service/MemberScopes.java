package org.opencrm.module.membership.internal.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.internal.model.Member;
import org.opencrm.module.membership.internal.model.MemberStore;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.persistence.Queries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Data scopes for members, the handset registry's way: a REGION / PARTNER / STORE user sees the members who joined
 * at a store inside the scope (lists, reports, member pages); HQ sees all. At the till any store of the chain serves
 * any member: a scoped cashier finds a member by exact card number, member number or mobile, and records purchases,
 * redemptions and top-ups only for a store inside the scope.
 */
@Component(service = MemberScopes.class)
public class MemberScopes {
    private static final int MAX_DEPTH = 32;
    static final int MAX_LISTED = 500;
    private final JpaTemplate jpa;
    private final CustomerDirectory customers;

    /** A JPQL condition on the member alias {@code m} (empty when unrestricted) and its parameters. */
    public record Condition(String jpql, Map<String, Object> params) {
        static final Condition NONE = new Condition("", Map.of());
        static final Condition NOTHING = new Condition(" AND 1 = 0", Map.of());

        public <Q extends javax.persistence.Query> Q bind(Q query) {
            params.forEach(query::setParameter);
            return query;
        }
    }

    @Activate
    public MemberScopes(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa, @Reference CustomerDirectory customers) {
        this.jpa = jpa;
        this.customers = customers;
    }

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
            default:
                String path = s.accountId() == null ? null : pathOf(s.accountId()).orElse(null);
                if (path == null) {
                    return Condition.NOTHING;
                }
                storeCondition = "s.path LIKE :scopePath ESCAPE '\\'";
                params = Map.of("scopePath", Queries.escapeLike(path) + "%");
        }
        List<Long> stores = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("SELECT s.accountId FROM MemberStore s WHERE " + storeCondition, Long.class);
            params.forEach(q::setParameter);
            return q.setMaxResults(MAX_LISTED + 1).getResultList();
        });
        if (stores.isEmpty()) {
            return Condition.NOTHING;
        }
        if (stores.size() <= MAX_LISTED) {
            return new Condition(" AND m.joinStoreAccountId IN :scopeStores", Map.of("scopeStores", List.copyOf(stores)));
        }
        return new Condition(" AND m.joinStoreAccountId IN (SELECT s.accountId FROM MemberStore s WHERE " + storeCondition + ")", params);
    }

    /** Whether the user may see the member's page: HQ always, others when the join store is in their scope. */
    public boolean canSee(CrmUser user, Member m) {
        if (user.scope() == null || user.scope().isUnrestricted()) {
            return true;
        }
        return m.joinStoreAccountId != null && customers.canSeeAccount(user, m.joinStoreAccountId);
    }

    /** Whether the user may act for this store (HQ for any). */
    public boolean canActFor(CrmUser user, long storeAccountId) {
        return customers.canSeeAccount(user, storeAccountId);
    }

    public Optional<String> pathOf(long accountId) {
        StringBuilder path = new StringBuilder("/");
        Set<Long> seen = new HashSet<>();
        Long id = accountId;
        while (id != null) {
            if (!seen.add(id) || seen.size() > MAX_DEPTH) {
                return Optional.empty();
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

    /** Makes sure the store has its MP_STORE row, in a transaction of its own. */
    public void ensure(long storeAccountId) {
        if (jpa.txExpr(TransactionType.Supports, em -> em.find(MemberStore.class, storeAccountId) != null)) {
            return;
        }
        try {
            refresh(storeAccountId);
        } catch (RuntimeException raced) {
            if (!jpa.txExpr(TransactionType.Supports, em -> em.find(MemberStore.class, storeAccountId) != null)) {
                throw raced;
            }
        }
    }

    public void refresh(long accountId) {
        Optional<String> path = pathOf(accountId);
        Optional<AccountRef> account = customers.account(accountId);
        jpa.tx(TransactionType.RequiresNew, em -> {
            MemberStore s = em.find(MemberStore.class, accountId);
            if (path.isEmpty() || account.isEmpty()) {
                if (s != null) {
                    s.path = "/gone/" + accountId + "/";
                    s.refreshedAt = Instant.now();
                }
                return;
            }
            if (s == null) {
                s = new MemberStore();
                s.accountId = accountId;
                em.persist(s);
            }
            s.path = path.get();
            s.region = account.get().region();
            s.refreshedAt = Instant.now();
        });
    }

    /** After the core changed an account (it may have moved): refresh it and every known store below it. */
    public void accountChanged(long accountId) {
        List<Long> affected = jpa.txExpr(TransactionType.Supports,
                em -> em.createQuery("SELECT s.accountId FROM MemberStore s WHERE s.accountId = :id OR s.path LIKE :below ESCAPE '\\'", Long.class)
                        .setParameter("id", accountId).setParameter("below", "%/" + accountId + "/%").getResultList());
        for (Long id : affected) {
            refresh(id);
        }
    }
}
