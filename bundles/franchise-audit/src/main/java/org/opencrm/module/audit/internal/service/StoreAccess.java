package org.opencrm.module.audit.internal.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
     * A JPQL condition on a store-id column for lists, with its parameters; bind with {@link Condition#bind}. Shorthand
     * for {@code visible(user).on(column)}.
     */
    public Condition filter(CrmUser user, String column) {
        return visible(user).on(column);
    }

    /**
     * The stores the user sees, decided once (the platform's data scope and the stores the user supervises), for a call
     * that needs it on several columns or to choose between the network's aggregates, the groups' and the raw rows. The
     * stores the user supervises are read here and named (an OR with a subquery per row made Derby evaluate it for every
     * row before sorting); a supervisor of more than {@value #MAX_LISTED} stores gets the subquery.
     */
    public Visible visible(CrmUser user) {
        ScopeFilter scope = scopes.filter(user);
        if (scope.isUnrestricted()) {
            return new Visible(scope, List.of(), null);
        }
        List<Long> supervisedIds = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT DISTINCT p.storeAccountId FROM PlanStore p WHERE p.supervisor = :me AND p.active = TRUE", Long.class)
                .setParameter("me", user.username()).setMaxResults(MAX_LISTED + 1).getResultList());
        return supervisedIds.size() <= MAX_LISTED ? new Visible(scope, List.copyOf(supervisedIds), null) : new Visible(scope, null, user.username());
    }

    /**
     * Which stores a user sees: {@code own} (the platform's scope) or one the user supervises, named in
     * {@code supervised} or, when there are too many, found by {@code supervisor}'s active plans.
     */
    public record Visible(ScopeFilter own, List<Long> supervised, String supervisor) {
        /** Every store (HQ): the results may read the network's aggregates. */
        public boolean all() {
            return own.isUnrestricted();
        }

        /** The condition on a store-id column (a JPQL path) to append to a WHERE clause, with its parameters. */
        public Condition on(String column) {
            if (all()) {
                return new Condition("", Map.of());
            }
            Map<String, Object> params = new HashMap<>(own.parameters());
            String sup;
            if (supervisor != null) {
                sup = column + " IN (SELECT fap.storeAccountId FROM PlanStore fap WHERE fap.supervisor = :faMe AND fap.active = TRUE)";
                params.put("faMe", supervisor);
            } else if (supervised.isEmpty()) {
                sup = null;
            } else {
                sup = column + " IN :faSupervised";
                params.put("faSupervised", supervised);
            }
            String mine = own.isNothing() ? null : own.condition(column);
            if (mine == null && sup == null) {
                return new Condition(" AND 1 = 0", params);
            }
            return new Condition(" AND (" + (mine == null ? sup : sup == null ? mine : mine + " OR " + sup) + ")", params);
        }
    }

    /** At most this many groups are summed for one user (a region of franchisees); more: the raw rows. */
    static final int MAX_GROUPS = 500;

    /**
     * The store groups (region → franchisee ids) whose stores are exactly the stores with submitted audits that are
     * {@code visible} (own scope and supervised stores alike), so that the user's trend and most failed items may sum
     * the groups' aggregates; empty when the scope does not map onto whole groups (a store user, a supervisor's plan
     * stores, a store moved since its group was recorded): the caller then reads the raw rows. Checked on every call
     * against the current scope: a group is taken only when every one of its stores is seen.
     */
    public Optional<Map<String, List<Long>>> groups(Visible visible) {
        Condition c = visible.on("g.storeAccountId");
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Object[]> seen = c.bind(em.createQuery("SELECT g.region, g.partnerId, COUNT(g) FROM StoreGroup g WHERE 1 = 1" + c.jpql()
                    + " GROUP BY g.region, g.partnerId", Object[].class)).getResultList();
            Map<String, List<Long>> out = new TreeMap<>();
            if (seen.isEmpty()) {
                return Optional.of(out);
            }
            if (seen.size() > MAX_GROUPS) {
                return Optional.empty();
            }
            Map<String, Long> all = new HashMap<>();
            for (Object[] r : em.createQuery("SELECT g.region, g.partnerId, COUNT(g) FROM StoreGroup g GROUP BY g.region, g.partnerId", Object[].class)
                    .getResultList()) {
                all.put(r[0] + "/" + r[1], ((Number) r[2]).longValue());
            }
            for (Object[] r : seen) {
                if (!Long.valueOf(((Number) r[2]).longValue()).equals(all.get(r[0] + "/" + r[1]))) {
                    return Optional.empty();
                }
                out.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(((Number) r[1]).longValue());
            }
            return Optional.of(out);
        });
    }

    /** A condition to append to a WHERE clause and its parameters. */
    public record Condition(String jpql, Map<String, Object> parameters) {
        public <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
