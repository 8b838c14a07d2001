package org.opencrm.module.audit.internal.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;

/**
 * Who sees which store's audits, on top of the platform's one scope rule ({@link DataScopes}): a user sees a store
 * inside their data scope (HQ everything, a franchisee its own stores), and a supervisor also sees the stores an active
 * plan assigns to them. A store outside both is answered as not found on every path.
 */
public final class StoreAccess {
    static final int MAX_LISTED = 500;
    private final JpaTemplate jpa;
    private final DataScopes scopes;

    public StoreAccess(JpaTemplate jpa, DataScopes scopes) {
        this.jpa = jpa;
        this.scopes = scopes;
    }

    /** Inside the user's own data scope (what a franchisee may answer for). */
    public boolean owns(CrmUser user, Long storeAccountId) {
        return scopes.canSee(user, storeAccountId);
    }

    public boolean supervises(CrmUser user, long storeAccountId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT COUNT(p) FROM PlanStore p WHERE p.supervisor = :me AND p.storeAccountId = :store AND p.active = TRUE", Long.class)
                .setParameter("me", user.username()).setParameter("store", storeAccountId).getSingleResult()) > 0;
    }

    public boolean canSee(CrmUser user, Long storeAccountId) {
        return storeAccountId != null && (scopes.canSee(user, storeAccountId) || supervises(user, storeAccountId));
    }

    /** 404 (the same answer as for a record that does not exist) unless the user sees the store. */
    public void requireVisible(CrmUser user, Long storeAccountId, String recordType, Object id) {
        if (!canSee(user, storeAccountId)) {
            throw new RecordNotFoundException(recordType, id);
        }
    }

    /**
     * A JPQL condition on a store-id column for lists, with its parameters; bind with {@link Condition#bind}. The
     * stores the user supervises are read first and named (an OR with a subquery per row made Derby evaluate it for
     * every row before sorting); a supervisor of more than {@value #MAX_LISTED} stores gets the subquery.
     */
    public Condition filter(CrmUser user, String column) {
        ScopeFilter scope = scopes.filter(user);
        if (scope.isUnrestricted()) {
            return new Condition("", Map.of());
        }
        Map<String, Object> params = new HashMap<>(scope.parameters());
        List<Long> supervisedIds = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT DISTINCT p.storeAccountId FROM PlanStore p WHERE p.supervisor = :me AND p.active = TRUE", Long.class)
                .setParameter("me", user.username()).setMaxResults(MAX_LISTED + 1).getResultList());
        String supervised;
        if (supervisedIds.isEmpty()) {
            supervised = null;
        } else if (supervisedIds.size() <= MAX_LISTED) {
            supervised = column + " IN :faSupervised";
            params.put("faSupervised", supervisedIds);
        } else {
            supervised = column + " IN (SELECT fap.storeAccountId FROM PlanStore fap WHERE fap.supervisor = :faMe AND fap.active = TRUE)";
            params.put("faMe", user.username());
        }
        String own = scope.isNothing() ? null : scope.condition(column);
        if (own == null && supervised == null) {
            return new Condition(" AND 1 = 0", params);
        }
        return new Condition(" AND (" + (own == null ? supervised : supervised == null ? own : own + " OR " + supervised) + ")", params);
    }

    /** Whether the user sees every store (HQ): the results may then read the network's aggregates. */
    public boolean seesAll(CrmUser user) {
        return scopes.filter(user).isUnrestricted();
    }

    /** At most this many groups are summed for one user (a region of franchisees); more: the raw rows. */
    static final int MAX_GROUPS = 500;

    /**
     * The store groups (region → franchisee ids) whose stores are exactly the stores with submitted audits that the
     * user sees by {@link #filter} (own scope and supervised stores alike), so that the user's trend and most failed
     * items may sum the groups' aggregates; empty when the scope does not map onto whole groups (a store user, a
     * supervisor's plan stores, a store moved since its group was recorded): the caller then reads the raw rows.
     * Checked on every call against the current scope: a group is taken only when every one of its stores is seen.
     */
    public java.util.Optional<Map<String, List<Long>>> groups(CrmUser user) {
        Condition c = filter(user, "g.storeAccountId");
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Object[]> seen = c.bind(em.createQuery("SELECT g.region, g.partnerId, COUNT(g) FROM StoreGroup g WHERE 1 = 1" + c.jpql()
                    + " GROUP BY g.region, g.partnerId", Object[].class)).getResultList();
            Map<String, List<Long>> out = new java.util.TreeMap<>();
            if (seen.isEmpty()) {
                return java.util.Optional.of(out);
            }
            if (seen.size() > MAX_GROUPS) {
                return java.util.Optional.empty();
            }
            Map<String, Long> all = new HashMap<>();
            for (Object[] r : em.createQuery("SELECT g.region, g.partnerId, COUNT(g) FROM StoreGroup g GROUP BY g.region, g.partnerId", Object[].class)
                    .getResultList()) {
                all.put(r[0] + "/" + r[1], ((Number) r[2]).longValue());
            }
            for (Object[] r : seen) {
                if (!Long.valueOf(((Number) r[2]).longValue()).equals(all.get(r[0] + "/" + r[1]))) {
                    return java.util.Optional.empty();
                }
                out.computeIfAbsent((String) r[0], k -> new java.util.ArrayList<>()).add(((Number) r[1]).longValue());
            }
            return java.util.Optional.of(out);
        });
    }

    /** A condition to append to a WHERE clause and its parameters. */
    public record Condition(String jpql, Map<String, Object> parameters) {
        /** Whether the condition names its stores (lists of ids only: no lookup or subquery per row). */
        public boolean namesStores() {
            return jpql.contains(" IN :") && !jpql.contains("SQL(") && !jpql.contains("SELECT");
        }

        public <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
