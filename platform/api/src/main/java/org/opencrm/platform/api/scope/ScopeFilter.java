package org.opencrm.platform.api.scope;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A user's data scope as a JPQL condition on an account-id column of a module's own entity, from
 * {@link DataScopes#filter}:
 *
 * <pre>
 * ScopeFilter scope = scopes.filter(user);
 * TypedQuery&lt;Handset&gt; q = em.createQuery("SELECT h FROM Handset h WHERE h.status = :s" + scope.jpql("h.storeAccountId")
 *         + " ORDER BY h.id DESC", Handset.class);
 * scope.bind(q::setParameter);
 * </pre>
 *
 * The condition names no entity of the core (a module's persistence unit has none): for a scope of up to a few
 * hundred accounts it is {@code column IN :scopeAccounts} with the account ids (so a store clerk's newest-first page
 * walks the module's own (account, id) index), for a larger one a lookup in the core's account table through
 * EclipseLink's {@code SQL()} function. A record whose account is null is outside every restricted scope. The
 * parameters are named {@code scope...}: keep other names in the query apart from them. The same filter may be applied
 * to several columns of one query (with OR); bind it once.
 *
 * <p>Immutable; built per request (it holds the scope's accounts as they were when it was built).
 */
public final class ScopeFilter {
    /** Where a condition template of {@link #of} puts the column. */
    public static final String COLUMN = "{column}";
    private static final ScopeFilter UNRESTRICTED = new ScopeFilter(null, Map.of());
    private static final ScopeFilter NOTHING = new ScopeFilter("1 = 0", Map.of());
    /** A JPQL path such as {@code h.storeAccountId} or {@code o.centre.accountId}: never anything else. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)+");

    private final String template;
    private final Map<String, Object> parameters;

    private ScopeFilter(String template, Map<String, Object> parameters) {
        this.template = template;
        this.parameters = parameters;
    }

    /** Everything (HQ): no condition. */
    public static ScopeFilter unrestricted() {
        return UNRESTRICTED;
    }

    /** No record at all (a user whose account is gone sees nothing rather than everything). */
    public static ScopeFilter nothing() {
        return NOTHING;
    }

    /** The records of these accounts; none when the collection is empty. */
    public static ScopeFilter accounts(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return NOTHING;
        }
        return new ScopeFilter(COLUMN + " IN :scopeAccounts", Map.of("scopeAccounts", List.copyOf(accountIds)));
    }

    /**
     * For the implementation of {@link DataScopes}: a JPQL condition with {@value #COLUMN} where the column goes, and
     * its parameters (named {@code scope...}).
     */
    public static ScopeFilter of(String condition, Map<String, ?> parameters) {
        if (!condition.contains(COLUMN)) {
            throw new IllegalArgumentException("the condition does not name the column: " + condition);
        }
        return new ScopeFilter(condition, Map.copyOf(parameters));
    }

    /** Whether the user sees every record (the condition is empty). */
    public boolean isUnrestricted() {
        return template == null;
    }

    /** Whether the user sees no record at all: a list may answer empty without asking the database. */
    public boolean isNothing() {
        return this == NOTHING;
    }

    /**
     * The condition on {@code column} (a JPQL path, e.g. {@code "h.storeAccountId"}) to append to a WHERE clause:
     * {@code " AND (...)"}, or "" when unrestricted.
     */
    public String jpql(String column) {
        return isUnrestricted() ? "" : " AND (" + condition(column) + ")";
    }

    /** The bare condition on {@code column}, e.g. to combine it with OR; {@code "1 = 1"} when unrestricted. */
    public String condition(String column) {
        if (!PATH.matcher(column).matches()) {
            throw new IllegalArgumentException("not a JPQL path: " + column);
        }
        return isUnrestricted() ? "1 = 1" : template.replace(COLUMN, column);
    }

    /** The parameters the condition needs (none when unrestricted or nothing). */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /**
     * Sets the parameters on a query that uses the condition, e.g. {@code filter.bind(query::setParameter)}. (A
     * setter rather than a JPA {@code Query}: this API bundle is not wired to JPA.)
     */
    public void bind(BiConsumer<String, Object> setParameter) {
        parameters.forEach(setParameter);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScopeFilter f && Objects.equals(template, f.template) && parameters.equals(f.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template, parameters);
    }

    /** The condition and its parameters in a stable order (usable as a cache key within a request). */
    @Override
    public String toString() {
        return isUnrestricted() ? "unrestricted" : template + " " + new TreeMap<>(parameters);
    }
}
