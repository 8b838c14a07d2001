package org.opencrm.module.repair.internal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.persistence.Queries;

/** The filters of a list as one JPQL WHERE clause with its parameters, and the page query with its count (Queries.page). */
final class Where {
    private final StringBuilder jpql = new StringBuilder(" WHERE 1 = 1");
    private final Map<String, Object> params = new LinkedHashMap<>();

    Where and(String condition) {
        jpql.append(" AND ").append(condition);
        return this;
    }

    Where and(String condition, String name, Object value) {
        params.put(name, value);
        return and(condition);
    }

    /**
     * Narrows the list to the user's data scope: {@code condition} is built with {@code scope.condition(column)} (it may
     * apply the filter to several columns); nothing is added for an unrestricted user.
     */
    Where and(ScopeFilter scope, String condition) {
        if (scope.isUnrestricted()) {
            return this;
        }
        params.putAll(scope.parameters());
        return and(condition);
    }

    Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Whether no filter was added (the whole table is listed). */
    boolean unfiltered() {
        return params.isEmpty() && jpql.length() == " WHERE 1 = 1".length();
    }

    /** A page of the whole table whose total comes from {@code total} (e.g. a CachedTotal) instead of a COUNT. */
    <T> Page<T> page(EntityManager em, String select, String from, String order, Class<T> type, PageRequest page, LongSupplier total) {
        List<T> items = em.createQuery(select + " FROM " + from + jpql + order, type).setFirstResult(page.offset()).setMaxResults(page.limit())
                .getResultList();
        return new Page<>(items, total.getAsLong());
    }

    /** {@code select} and {@code count} are the SELECT parts, {@code from} the FROM part, {@code order} the ORDER BY part. */
    <T> Page<T> page(EntityManager em, String select, String count, String from, String order, Class<T> type, PageRequest page) {
        TypedQuery<T> items = em.createQuery(select + " FROM " + from + jpql + order, type);
        TypedQuery<Long> total = em.createQuery(count + " FROM " + from + jpql, Long.class);
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            total.setParameter(k, v);
        });
        return Queries.page(items, total, page);
    }
}
