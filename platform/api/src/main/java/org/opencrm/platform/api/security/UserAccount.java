package org.opencrm.platform.api.security;

import java.time.Instant;
import java.util.Set;

/** A user as administrators see it (never the password hash). */
public record UserAccount(String username, String displayName, Set<String> roles, ScopeType scopeType, String region,
        Long accountId, boolean enabled, Instant createdAt) {
}
