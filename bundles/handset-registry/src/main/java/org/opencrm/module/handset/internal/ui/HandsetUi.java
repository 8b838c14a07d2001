package org.opencrm.module.handset.internal.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.ui.Messages;


/** The module's UI messages and small helpers its screens share. */
final class HandsetUi {
    static final String MESSAGES = "org.opencrm.module.handset.internal.ui.messages";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    /** The view name of the handsets screen; {@code handsets/<imei>} opens one unit. */
    static final String VIEW = "handsets";

    private HandsetUi() {
    }

    static Messages messages(Locale locale) {
        return Messages.of(HandsetUi.class, MESSAGES, locale);
    }




    /** "Name (mobile)" of a contact the user may see, else "#id". */
    static String contactText(CustomerDirectory customers, CrmUser user, Long contactId) {
        if (contactId == null) {
            return "";
        }
        if (!customers.canSeeContact(user, contactId)) {
            return "#" + contactId;
        }
        Optional<ContactRef> c = customers.contact(contactId);
        return c.map(r -> r.name() + (r.mobile() == null ? "" : " (" + r.mobile() + ")")).orElse("#" + contactId);
    }

    static String accountText(CustomerDirectory customers, CrmUser user, Long accountId) {
        if (accountId == null) {
            return "";
        }
        if (!customers.canSeeAccount(user, accountId)) {
            return "#" + accountId;
        }
        return customers.account(accountId).map(a -> a.name() + " #" + accountId).orElse("#" + accountId);
    }
}
