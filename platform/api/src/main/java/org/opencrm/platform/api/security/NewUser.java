package org.opencrm.platform.api.security;

import java.util.Set;

/** Input for creating a user. */
public record NewUser(String username, String password, String displayName, Set<String> roles, ScopeType scopeType,
        String region, Long accountId) {
}
