package org.opencrm.platform.core.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CounterMatch;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.customer.Mobiles;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.model.Account;
import org.opencrm.platform.core.internal.model.AccountType;
import org.opencrm.platform.core.internal.model.Contact;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Read access to contacts and accounts for modules; its visibility checks are {@link DataScopes}' (one rule). */
@Component(service = CustomerDirectory.class)
public class CustomerDirectoryImpl implements CustomerDirectory {
    private final JpaTemplate jpa;
    private final ContactService contacts;
    private final DataScopes scopes;
    private final AccountService accounts;
    private final AuditTrail audit;

    @Activate
    public CustomerDirectoryImpl(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa, @Reference ContactService contacts,
            @Reference DataScopes scopes, @Reference AccountService accounts, @Reference AuditTrail audit) {
        this.jpa = jpa;
        this.contacts = contacts;
        this.scopes = scopes;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The audit action of a counter look-up that found a contact outside the clerk's scope. */
    public static final String COUNTER_LOOKUP = "counter-lookup";

    @Override
    public List<CounterMatch> findAtCounter(CrmUser user, String text, int limit) {
        List<CounterMatch> found = new ArrayList<>(findContacts(user, text, limit).stream()
                .map(c -> new CounterMatch(c.id(), c.name(), Mobiles.masked(c.mobile()), true)).toList());
        String mobile = completeMobile(text);
        if (mobile == null || found.size() >= limit) {
            return found;
        }
        // a walk-in customer registered elsewhere: by the exact, complete mobile only, name and masked mobile only, audited
        jpa.tx(TransactionType.Required, em -> em.createQuery("SELECT c FROM Contact c WHERE c.mobile = :m AND c.mergedIntoId IS NULL", Contact.class)
                .setParameter("m", mobile).getResultList().stream().findFirst()
                .filter(c -> found.stream().noneMatch(f -> f.contactId() == c.id) && !scopes.canSeeContact(user, c.id)).ifPresent(c -> {
                    audit.record(user.username(), "contact", String.valueOf(c.id), COUNTER_LOOKUP, Map.of("mobile", Mobiles.masked(c.mobile)), c.accountId);
                    found.add(new CounterMatch(c.id, c.name, Mobiles.masked(c.mobile), false));
                }));
        return found;
    }

    /** The mobile when the text is a complete mainland mobile (spaces, dashes, +86 allowed), else null. */
    static String completeMobile(String text) {
        try {
            return text == null ? null : Validation.mobile("mobile", text);
        } catch (InvalidInputException notAMobile) {
            return null;
        }
    }

    @Override
    public List<AccountRef> findAccounts(CrmUser user, String namePrefix, String type, int limit) {
        AccountType t = type == null ? null : AccountType.valueOf(type);
        return accounts.inScope(user, new PageRequest(namePrefix, 0, Math.min(limit, PageRequest.MAX_LIMIT)), t, null).items().stream()
                .map(a -> new AccountRef(a.id(), a.name(), a.type().name(), a.parentId(), a.region())).toList();
    }

    @Override
    public List<ContactRef> findContacts(CrmUser user, String text, int limit) {
        return contacts.inScope(user, new PageRequest(text, 0, Math.min(limit, PageRequest.MAX_LIMIT)), null, null).items().stream()
                .map(c -> new ContactRef(c.id(), c.name(), c.mobile(), c.accountId(), c.birthday())).toList();
    }

    @Override
    public ContactRef createContact(CrmUser user, String name, String mobile, Long accountId) {
        var c = contacts.create(user, new org.opencrm.platform.core.internal.dto.ContactData(null, name, mobile, java.util.List.of(), null, null, null,
                null, null, null, null, null, java.util.List.of(), null, null, accountId, null, null, null, null, null, null, null));
        return new ContactRef(c.id(), c.name(), c.mobile(), c.accountId(), c.birthday());
    }

    @Override
    public Optional<ContactRef> contact(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(Contact.class, id)).map(CustomerDirectoryImpl::ref));
    }

    @Override
    public Optional<ContactRef> contactByMobile(String mobile) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT c FROM Contact c WHERE c.mobile = :m", Contact.class)
                .setParameter("m", mobile).getResultList().stream().findFirst().map(CustomerDirectoryImpl::ref));
    }

    @Override
    public AccountRef createAccount(CrmUser user, String name, String type, String region, Long parentId) {
        org.opencrm.platform.core.internal.model.AccountType t;
        try {
            t = org.opencrm.platform.core.internal.model.AccountType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.opencrm.platform.api.InvalidInputException("type", "type must be one of "
                    + java.util.List.of(org.opencrm.platform.core.internal.model.AccountType.values()));
        }
        var a = accounts.create(user, new org.opencrm.platform.core.internal.dto.AccountData(null, name, t, parentId, region, null, null, null, null, null, null, null, null,
                null, null, null, null, null));
        return new AccountRef(a.id(), a.name(), a.type().name(), a.parentId(), a.region());
    }

    @Override
    public Optional<AccountRef> account(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(Account.class, id))
                .map(a -> new AccountRef(a.id, a.name, a.type.name(), a.parentId, a.region)));
    }

    @Override
    public boolean canSeeContact(CrmUser user, long contactId) {
        return scopes.canSeeContact(user, contactId);
    }

    @Override
    public boolean canSeeAccount(CrmUser user, long accountId) {
        return scopes.canSee(user, accountId);
    }

    private static ContactRef ref(Contact c) {
        return new ContactRef(c.id, c.name, c.mobile, c.accountId, c.birthday);
    }
}
