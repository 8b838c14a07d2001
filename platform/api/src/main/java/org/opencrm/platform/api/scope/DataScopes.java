package org.opencrm.platform.api.scope;

import org.opencrm.platform.api.ScopeDeniedException;
import org.opencrm.platform.api.security.CrmUser;

/**
 * The data-scope rule of the platform, implemented by the core, which owns the account tree. HQ users see everything;
 * a REGION user the accounts of the region; a PARTNER or STORE user the subtree of their account; a user whose
 * account is gone sees nothing. A contact is visible with its account; a module's record is visible with the account
 * it belongs to (the store that sold a unit, a member's join store, a repair's service centre). What a module allows
 * beyond that (a till that serves any member found by exact card number, stock that only HQ lists) is the module's own
 * policy on top of this rule.
 *
 * <p>Nothing is cached: every answer reads the current tree, so an account moved on one node is seen moved by every
 * node at once.
 */
@org.osgi.annotation.versioning.ProviderType
public interface DataScopes {
    /**
     * Whether the user may see the account and the records that belong to it. HQ: always (whether the account exists
     * is the caller's check); others: an existing account inside their scope. {@code accountId} null (a record of no
     * account, which is head office's): HQ only.
     */
    boolean canSee(CrmUser user, Long accountId);

    /** Whether the contact exists and the user may see it (through its account; a contact of no account: HQ only). */
    boolean canSeeContact(CrmUser user, long contactId);

    /**
     * The condition that narrows a list to the records of accounts the user may see, for any account-id column of the
     * module's own entities. Resolved now, against the current tree: build it per request, never keep it.
     */
    ScopeFilter filter(CrmUser user);

    /**
     * 403 ({@link ScopeDeniedException}, message key {@value ScopeDeniedException#OUTSIDE_SCOPE}) unless
     * {@link #canSee} the account; call it before anything is written. {@code what} names it for the message, e.g.
     * "service centre 12" or "warehouse W-01".
     */
    default void require(CrmUser user, Long accountId, String what) {
        if (!canSee(user, accountId)) {
            throw ScopeDeniedException.outside(what);
        }
    }
}
