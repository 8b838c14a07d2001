package org.opencrm.platform.api.security;

/**
 * The data a user may see. {@code accountId} is the root of the visible subtree for PARTNER and STORE,
 * {@code region} the region code for REGION.
 */
public record DataScope(ScopeType type, String region, Long accountId) {
    public static final DataScope HQ = new DataScope(ScopeType.HQ, null, null);

    public boolean isUnrestricted() {
        return type == ScopeType.HQ;
    }
}
