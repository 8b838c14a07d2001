package org.opencrm.platform.api.security;

/** How much of the company's data a user may see. */
public enum ScopeType {
    /** Head office: everything. */
    HQ,
    /** Accounts of one sales region and their contacts. */
    REGION,
    /** A partner (distributor, service provider, franchisee): its own account subtree and their contacts. */
    PARTNER,
    /** One store: the store account (and anything below it) and its contacts. */
    STORE
}
