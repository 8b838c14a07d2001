package org.opencrm.ui;

import java.util.Optional;

import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;

/**
 * How a module's screen names a core contact or account it refers to by id: "name (mobile)" / "name #id" when the
 * user may see the record, otherwise only "#id" (a module must not leak a name outside the user's data scope).
 */
public final class RecordNames {
    private RecordNames() {
    }

    /** "Name (mobile)" of a contact the user may see, else "#id"; "" for null. */
    public static String contact(CustomerDirectory customers, CrmUser user, Long contactId) {
        if (contactId == null) {
            return "";
        }
        if (!customers.canSeeContact(user, contactId)) {
            return "#" + contactId;
        }
        Optional<ContactRef> c = customers.contact(contactId);
        return c.map(r -> r.name() + (r.mobile() == null ? "" : " (" + r.mobile() + ")")).orElse("#" + contactId);
    }

    /** "Name #id" of an account the user may see, else "#id"; "" for null. */
    public static String account(CustomerDirectory customers, CrmUser user, Long accountId) {
        if (accountId == null) {
            return "";
        }
        if (!customers.canSeeAccount(user, accountId)) {
            return "#" + accountId;
        }
        return customers.account(accountId).map(a -> a.name() + " #" + accountId).orElse("#" + accountId);
    }
}
