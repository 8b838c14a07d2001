package org.opencrm.ui;

import java.util.Locale;
import java.util.Optional;

import org.opencrm.platform.api.customer.Mobiles;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;

/**
 * How a screen names a core contact or account it refers to by id. Staff never see internal ids: a contact is
 * "name (138****0007)" (the masked mobile tells two namesakes apart), an account is "name (type)" with its type in
 * the user's language (a store and a service centre of the same name differ). A record outside the user's data
 * scope is shown as {@link #HIDDEN}, never by name (a module must not leak it) nor by number.
 */
public final class RecordNames {
    /** What a screen shows for a record the user may not see, or one that no longer exists. */
    public static final String HIDDEN = "—";

    private RecordNames() {
    }

    /** "Name (138****0007)" of a contact the user may see, else {@link #HIDDEN}; "" for null. */
    public static String contact(CustomerDirectory customers, CrmUser user, Long contactId) {
        if (contactId == null) {
            return "";
        }
        if (!customers.canSeeContact(user, contactId)) {
            return HIDDEN;
        }
        Optional<ContactRef> c = customers.contact(contactId);
        return c.map(RecordNames::contactCaption).orElse(HIDDEN);
    }

    /** The name of an account the user may see, else {@link #HIDDEN}; "" for null. */
    public static String account(CustomerDirectory customers, CrmUser user, Long accountId) {
        return account(customers, user, accountId, null);
    }

    /**
     * "Name (type)" of an account the user may see, the type in the language of {@code locale} (only the name
     * when {@code locale} is null), else {@link #HIDDEN}; "" for null.
     */
    public static String account(CustomerDirectory customers, CrmUser user, Long accountId, Locale locale) {
        if (accountId == null) {
            return "";
        }
        if (!customers.canSeeAccount(user, accountId)) {
            return HIDDEN;
        }
        return customers.account(accountId).map(a -> accountCaption(a, locale)).orElse(HIDDEN);
    }

    /** "Name (138****0007)", or only the name when the contact has no mobile. */
    public static String contactCaption(ContactRef c) {
        String mobile = maskedMobile(c.mobile());
        return mobile.isEmpty() ? c.name() : c.name() + " (" + mobile + ")";
    }

    /** "Name (type)" in the language of {@code locale}; only the name when {@code locale} is null or the type unknown. */
    public static String accountCaption(AccountRef a, Locale locale) {
        if (locale == null || a.type() == null || a.type().isBlank()) {
            return a.name();
        }
        Messages msg = Messages.of(RecordNames.class, "org.opencrm.ui.messages", locale);
        String key = "accountType." + a.type();
        return msg.has(key) ? a.name() + " (" + msg.get(key) + ")" : a.name();
    }

    /** A mobile with its middle digits hidden, "138****0007": the platform's one rule ({@link Mobiles#masked}). */
    public static String maskedMobile(String mobile) {
        return Mobiles.masked(mobile);
    }
}
