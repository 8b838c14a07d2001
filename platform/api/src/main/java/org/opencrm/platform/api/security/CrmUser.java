package org.opencrm.platform.api.security;

import java.security.Principal;
import java.util.Set;

import org.opencrm.platform.api.AccessDeniedException;

/**
 * An authenticated user: name, roles, the permissions the roles grant (ids or patterns ending in "*") and the
 * data scope. Services take it as the acting user, check permissions with {@link #require} and filter by scope.
 */
public record CrmUser(String username, Set<String> roles, Set<String> grantedPermissions, DataScope scope)
        implements Principal {

    /** The identity that system tasks (boot, demo data, scheduled runs) act as. */
    public static final CrmUser SYSTEM = new CrmUser("system", Set.of("admin"), Set.of("*"), DataScope.HQ);

    @Override
    public String getName() {
        return username;
    }

    public boolean hasPermission(String permission) {
        for (String granted : grantedPermissions) {
            if (granted.equals(permission) || granted.equals("*")
                    || (granted.endsWith("*") && permission.startsWith(granted.substring(0, granted.length() - 1)))
                    || (granted.startsWith("*.") && permission.endsWith(granted.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    public void require(String permission) {
        if (!hasPermission(permission)) {
            throw new AccessDeniedException(permission);
        }
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }
}
