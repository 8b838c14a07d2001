package org.opencrm.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.UserAccount;
import org.opencrm.platform.api.security.UserService;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.RecordPicker.Choice;

/**
 * Record pickers for any form: accounts (of one type, e.g. stores), contacts and users, each searching only inside
 * the signed-in user's data scope and showing names, never ids the user would have to know.
 */
public final class Pickers {
    private Pickers() {
    }

    /** An account of any type, e.g. a parent account or a retailer. */
    public static RecordPicker<Long> account(CustomerDirectory customers, UiContext context, String caption, String id) {
        return account(customers, context, caption, id, null);
    }

    /** A store (an account of type STORE). */
    public static RecordPicker<Long> store(CustomerDirectory customers, UiContext context, String caption, String id) {
        return account(customers, context, caption, id, "STORE");
    }

    /** An account of the given type ("STORE", "SERVICE_PROVIDER", ...; null for any). */
    public static RecordPicker<Long> account(CustomerDirectory customers, UiContext context, String caption, String id, String type) {
        return new RecordPicker<>(caption, id, accounts(customers, context.user(), type, context.locale()), messages(context).get("picker.account"));
    }

    public static RecordPicker<Long> contact(CustomerDirectory customers, UiContext context, String caption, String id) {
        return new RecordPicker<>(caption, id, contacts(customers, context.user()), messages(context).get("picker.contact"));
    }

    /** A user, by user name or display name; the value is the user name. */
    public static RecordPicker<String> user(UserService users, CustomerDirectory customers, UiContext context, String caption, String id) {
        return new RecordPicker<>(caption, id, users(users, customers, context.user()), messages(context).get("picker.user"));
    }

    private static Messages messages(UiContext context) {
        return Messages.of(Pickers.class, "org.opencrm.ui.messages", context.locale());
    }

    static RecordPicker.Source<Long> accounts(CustomerDirectory customers, CrmUser user, String type) {
        return accounts(customers, user, type, null);
    }

    /** Accounts captioned "name (type)" with the type in the language of {@code locale} (only the name when null). */
    static RecordPicker.Source<Long> accounts(CustomerDirectory customers, CrmUser user, String type, Locale locale) {
        return new RecordPicker.Source<>() {
            @Override
            public List<Choice<Long>> find(PickerQuery q, int limit) {
                List<Choice<Long>> found = new ArrayList<>();
                if (q.number() != null) {
                    customers.account(q.number()).filter(a -> type == null || type.equals(a.type())).filter(a -> customers.canSeeAccount(user, a.id()))
                            .ifPresent(a -> found.add(choice(a, locale)));
                }
                if (!q.numberOnly()) {
                    customers.findAccounts(user, q.text(), type, limit).forEach(a -> found.add(choice(a, locale)));
                }
                return RecordPicker.concat(limit, found);
            }

            @Override
            public String caption(Long key) {
                return RecordNames.account(customers, user, key, locale);
            }
        };
    }

    private static Choice<Long> choice(AccountRef a, Locale locale) {
        return new Choice<>(a.id(), RecordNames.accountCaption(a, locale));
    }

    static RecordPicker.Source<Long> contacts(CustomerDirectory customers, CrmUser user) {
        return new RecordPicker.Source<>() {
            @Override
            public List<Choice<Long>> find(PickerQuery q, int limit) {
                List<Choice<Long>> found = new ArrayList<>();
                if (q.number() != null && customers.canSeeContact(user, q.number())) {
                    customers.contact(q.number()).ifPresent(c -> found.add(choice(c)));
                }
                if (!q.numberOnly()) {
                    customers.findContacts(user, q.text(), limit).forEach(c -> found.add(choice(c)));
                }
                return RecordPicker.concat(limit, found);
            }

            @Override
            public String caption(Long key) {
                return RecordNames.contact(customers, user, key);
            }
        };
    }

    private static Choice<Long> choice(ContactRef c) {
        return new Choice<>(c.id(), RecordNames.contactCaption(c));
    }

    /**
     * Users by user name or display name. A user with an unrestricted scope sees every user; others see the users
     * attached to an account inside their own scope (a centre manager picks the centre's technicians).
     */
    static RecordPicker.Source<String> users(UserService users, CustomerDirectory customers, CrmUser user) {
        return new RecordPicker.Source<>() {
            @Override
            public List<Choice<String>> find(PickerQuery q, int limit) {
                return users.list().stream().filter(UserAccount::enabled).filter(u -> q.matches(u.username()) || q.matches(u.displayName()))
                        .filter(u -> visible(u)).limit(limit).map(Pickers::choice).toList();
            }

            private boolean visible(UserAccount u) {
                return user.scope().isUnrestricted() || (u.accountId() != null && customers.canSeeAccount(user, u.accountId()));
            }

            @Override
            public String caption(String key) {
                Optional<UserAccount> u = users.list().stream().filter(a -> a.username().equals(key)).filter(this::visible).findFirst();
                return u.map(a -> choice(a).caption()).orElse(key);
            }
        };
    }

    private static Choice<String> choice(UserAccount u) {
        return new Choice<>(u.username(), u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName() + " (" + u.username() + ")");
    }
}
