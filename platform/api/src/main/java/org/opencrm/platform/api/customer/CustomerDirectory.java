package org.opencrm.platform.api.customer;

import java.util.List;
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

    /**
     * Accounts inside the user's data scope whose name starts with {@code namePrefix} (all of them, by name, when it is
     * null), of the given type ("STORE", "SERVICE_PROVIDER", ...; null for any), at most {@code limit}: what a record
     * picker offers as the user types. The default of a directory without a search finds nothing.
     *
     * @since 1.4
     */
    default List<AccountRef> findAccounts(CrmUser user, String namePrefix, String type, int limit) {
        return List.of();
    }

    /**
     * Contacts inside the user's data scope matching what was typed the way the contact list searches: digits the
     * mobile, anything else the name, each as a prefix; at most {@code limit}. The default finds nothing.
     *
     * @since 1.4
     */
    default List<ContactRef> findContacts(CrmUser user, String text, int limit) {
        return List.of();
    }

    /**
     * The customers a counter clerk (a repair intake, a till) may be serving, for what was typed: the contacts in the
     * user's data scope as {@link #findContacts} finds them (name or mobile, by prefix), and, only when the text is a
     * complete mainland mobile, the contact with exactly that mobile even outside the scope: a walk-in customer
     * registered by another store, so that the clerk does not create a duplicate. The scope is not opened further: no
     * prefix or name search reaches outside it, and of such a contact only its name and masked mobile are given. Each
     * look-up that finds a contact outside the scope is written to the audit trail (who, which contact, action
     * {@code counter-lookup}, on the contact's account). The default gives the in-scope matches only.
     *
     * @since 1.7
     */
    default List<CounterMatch> findAtCounter(CrmUser user, String text, int limit) {
        return findContacts(user, text, limit).stream().map(c -> new CounterMatch(c.id(), c.name(), Mobiles.masked(c.mobile()), true)).toList();
    }

    /**
     * Creates an account for a module that sets up a channel structure (a partner network's demo data, an import) with
     * the same checks as the core's account form: a name, a core account type ("NATIONAL_DISTRIBUTOR", "STORE", ...), a
     * parent inside the user's data scope (null: a top-level account, head office only), {@code region} null to take
     * the parent's. The default of a directory that cannot create accounts refuses.
     *
     * @since 1.5
     */
    default AccountRef createAccount(CrmUser user, String name, String type, String region, Long parentId) {
        throw new UnsupportedOperationException("this customer directory does not create accounts");
    }
}
