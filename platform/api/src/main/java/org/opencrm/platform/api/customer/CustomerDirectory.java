package org.opencrm.platform.api.customer;

import java.util.Optional;

import org.opencrm.platform.api.security.CrmUser;

/**
 * Read access to core contacts and accounts for modules, which keep only ids. The visibility checks are those of
 * {@link org.opencrm.platform.api.scope.DataScopes} (the one data-scope rule; use that service to scope a module's
 * records and lists).
 */
@org.osgi.annotation.versioning.ProviderType
public interface CustomerDirectory {
    Optional<ContactRef> contact(long id);

    Optional<ContactRef> contactByMobile(String mobile);

    Optional<AccountRef> account(long id);

    /** Same as {@link org.opencrm.platform.api.scope.DataScopes#canSeeContact}. */
    boolean canSeeContact(CrmUser user, long contactId);

    /**
     * Creates a contact for a module that captures customers (a warranty card at a store counter, a member sign-up)
     * with the same checks as the core's own form: valid name and mobile, no duplicate mobile, {@code accountId}
     * inside the user's data scope (a store user's contacts belong to the store).
     */
    ContactRef createContact(CrmUser user, String name, String mobile, Long accountId);

    /** Same as {@link org.opencrm.platform.api.scope.DataScopes#canSee}. */
    boolean canSeeAccount(CrmUser user, long accountId);
}
