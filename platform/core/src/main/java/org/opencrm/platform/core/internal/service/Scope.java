package org.opencrm.platform.core.internal.service;

import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.core.internal.model.Account;

/**
 * The platform's one data-scope rule: a user's scope as conditions on the core's own entities, as a test of one
 * account ({@link #covers}) and, for modules, as a {@link ScopeFilter} on their own account-id columns
 * ({@link #filter}). Every read path of the core (search, get, export, timeline, audit) and every module (through
 * {@link DataScopesImpl}) goes through it, so a partner sees only its own account subtree and those accounts' contacts
 * and records, whatever the client.
 */
public record Scope(String accountCondition, String contactCondition, Map<String, Object> params) {
    private static final Scope ALL = new Scope("", "", Map.of());
    /**
     * Up to this many accounts a module's filter names them (an IN list keeps the module's (account, id) index usable
     * for newest-first pages); a larger scope looks each row's account up in CRM_ACCOUNT instead.
     */
    static final int MAX_LISTED = 500;

    public static Scope of(CrmUser user, EntityManager em) {
        DataScope s = user.scope();
        if (s == null || s.isUnrestricted()) {
            return ALL;
        }
        switch (s.type()) {
            case REGION:
                return new Scope(" AND a.region = :scopeRegion", accountsOf("c.accountId", "sa.region = :scopeRegion"),
                        Map.of("scopeRegion", s.region() == null ? "" : s.region()));
            case PARTNER:
            case STORE:
            default:
                Account root = s.accountId() == null ? null : em.find(Account.class, s.accountId());
                // a user whose account is gone sees nothing rather than everything
                String path = root == null || root.path == null ? "/nothing/" : root.path;
                return new Scope(" AND a.path LIKE :scopePath", accountsOf("c.accountId", "sa.path LIKE :scopePath"), Map.of("scopePath", path + "%"));
        }
    }

    private static String accountsOf(String column, String condition) {
        return " AND " + column + " IN (SELECT sa.id FROM Account sa WHERE " + condition + ")";
    }

    /**
     * The scope as a condition on any account-id column (e.g. "r.accountId" of the audit trail): empty when unrestricted;
     * a null account is outside every restricted scope.
     */
    public String accountIdCondition(String column) {
        if (unrestricted()) {
            return "";
        }
        return contactCondition.replace("c.accountId", column);
    }

    public boolean unrestricted() {
        return params.isEmpty();
    }

    /**
     * The scope as a condition on a module's account-id column. Modules have their own persistence units, which do not
     * map the core's Account, so the accounts in scope are resolved here and named, or beyond {@link #MAX_LISTED} the
     * row's account is looked up in the core's table with EclipseLink's SQL() (same database; the subquery reads the
     * primary key, then compares path or region as {@link #accountCondition} does). Paths hold only digits and '/',
     * so the LIKE pattern needs no escaping.
     */
    public ScopeFilter filter(EntityManager em) {
        if (unrestricted()) {
            return ScopeFilter.unrestricted();
        }
        String condition = accountCondition.substring(" AND ".length());
        List<Long> accounts = bind(em.createQuery("SELECT a.id FROM Account a WHERE " + condition + " ORDER BY a.id", Long.class))
                .setMaxResults(MAX_LISTED + 1).getResultList();
        if (accounts.size() <= MAX_LISTED) {
            return ScopeFilter.accounts(accounts); // none: nothing (also a user whose account is gone)
        }
        if (params.containsKey("scopeRegion")) {
            return ScopeFilter.of("SQL('(SELECT sa.REGION FROM CRM_ACCOUNT sa WHERE sa.ID = ?)', " + ScopeFilter.COLUMN + ") = :scopeRegion", params);
        }
        return ScopeFilter.of("SQL('(SELECT sa.PATH FROM CRM_ACCOUNT sa WHERE sa.ID = ?)', " + ScopeFilter.COLUMN + ") LIKE :scopePath", params);
    }

    public <Q extends javax.persistence.Query> Q bind(Q query) {
        params.forEach(query::setParameter);
        return query;
    }

    /** Whether an account (by its path and region) is inside this scope. */
    public boolean covers(Account a) {
        if (unrestricted()) {
            return true;
        }
        if (a == null) {
            return false;
        }
        Object region = params.get("scopeRegion");
        if (region != null) {
            return region.equals(a.region);
        }
        String prefix = (String) params.get("scopePath");
        return a.path != null && a.path.startsWith(prefix.substring(0, prefix.length() - 1));
    }
}
