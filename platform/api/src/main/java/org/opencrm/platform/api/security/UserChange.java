package org.opencrm.platform.api.security;

import java.util.Set;

/** New roles, data scope and display name of an existing user; the username and password stay. */
public record UserChange(String displayName, Set<String> roles, ScopeType scopeType, String region, Long accountId) {
}
