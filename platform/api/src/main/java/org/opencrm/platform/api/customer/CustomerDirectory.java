package org.opencrm.platform.api.customer;

import java.util.Optional;

import org.opencrm.platform.api.security.CrmUser;

/**
 * Read access to core contacts and accounts for modules, which keep only ids. The visibility checks apply a
 * user's data scope the same way the core does, so a module's records are scoped through their contact or
 * account.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CustomerDirectory {
    Optional<ContactRef> contact(long id);

    Optional<ContactRef> contactByMobile(String mobile);

    Optional<AccountRef> account(long id);

    boolean canSeeContact(CrmUser user, long contactId);

    /**
     * Creates a contact for a module that captures customers (a warranty card at a store counter, a member sign-up)
     * with the same checks as the core's own form: valid name and mobile, no duplicate mobile, {@code accountId}
     * inside the user's data scope (a store user's contacts belong to the store).
     */
    ContactRef createContact(CrmUser user, String name, String mobile, Long accountId);

    boolean canSeeAccount(CrmUser user, long accountId);
}
