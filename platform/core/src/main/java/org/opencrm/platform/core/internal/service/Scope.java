package org.opencrm.platform.core.internal.service;

import java.util.Map;

import javax.persistence.EntityManager;

import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.core.internal.model.Account;

/**
 * A user's data scope as a JPQL condition. Every read path (search, get, export, timeline) goes through it, so a
 * partner sees only its own account subtree and those accounts' contacts, whatever the client.
 */
public record Scope(String accountCondition, String contactCondition, Map<String, Object> params) {
    private static final Scope ALL = new Scope("", "", Map.of());

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
