package org.opencrm.platform.api.customer;

import java.util.Optional;

import org.opencrm.platform.api.security.CrmUser;

/**
 * Read access to core contacts and accounts for modules, which keep only ids. The visibility checks apply a
 * user's data scope the same way the core does, so a module's records are scoped through their contact or
 * account.
 */
public interface CustomerDirectory {
    Optional<ContactRef> contact(long id);

    Optional<ContactRef> contactByMobile(String mobile);

    Optional<AccountRef> account(long id);

    boolean canSeeContact(CrmUser user, long contactId);

    boolean canSeeAccount(CrmUser user, long accountId);
}
