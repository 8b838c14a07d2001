package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.ScopeDeniedException;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.model.AccountType;

/**
 * The data-scope service modules use: single accounts and contacts, and the filter on an account-id column, applied
 * here to the contacts' account column as a module applies it to its own (the filter names no core entity).
 */
class DataScopesTest {
    private final CoreFixture f = new CoreFixture();
    private final DataScopesImpl scopes = new DataScopesImpl(f.jpa);

    @AfterEach
    void close() {
        f.close();
    }

    private long account(String name, Long parent, String region) {
        return f.accounts.create(f.admin, new AccountData(null, name, AccountType.STORE, parent, region, null, null, null, null, null, null, null, null, null, null,
                null, null, null)).id();
    }

    private static CrmUser user(ScopeType type, String region, Long account) {
        return new CrmUser("u-" + type, Set.of("test"), Set.of("core.*"), new DataScope(type, region, account));
    }

    /** The contacts the filter lets through, in id order: the filter on "c.accountId" as a module's list applies it. */
    private List<Long> contactsWithin(ScopeFilter filter) {
        return f.jpa.txExpr(em -> {
            var q = em.createQuery("SELECT c.id FROM Contact c WHERE 1 = 1" + filter.jpql("c.accountId") + " ORDER BY c.id", Long.class);
            filter.bind(q::setParameter);
            return q.getResultList();
        });
    }

    private long contact(String mobile, Long account) {
        return f.contacts.create(f.admin, CoreFixture.contact("客户" + mobile, mobile, account)).id();
    }

    @Test
    void aPartnerSeesItsSubtreeAStoreItsStoreAndHqEverything() {
        long partner = account("P", null, "EAST");
        long store1 = account("P-1", partner, null);
        long store2 = account("P-2", partner, null);
        long other = account("Q", null, "EAST");
        long otherStore = account("Q-1", other, null);
        long atPartner = contact("13800000001", partner);
        long atStore1 = contact("13800000002", store1);
        long atOther = contact("13800000003", otherStore);
        long noAccount = contact("13800000004", null);

        CrmUser p = user(ScopeType.PARTNER, null, partner);
        assertTrue(scopes.canSee(p, partner));
        assertTrue(scopes.canSee(p, store2));
        assertFalse(scopes.canSee(p, other));
        assertFalse(scopes.canSee(p, otherStore));
        assertFalse(scopes.canSee(p, null), "a record of no account is head office's");
        assertFalse(scopes.canSee(p, 987_654L), "an account that does not exist");
        assertTrue(scopes.canSeeContact(p, atStore1));
        assertFalse(scopes.canSeeContact(p, atOther));
        assertFalse(scopes.canSeeContact(p, noAccount));
        ScopeFilter pf = scopes.filter(p);
        assertEquals(Set.of(partner, store1, store2), Set.copyOf((List<?>) pf.parameters().get("scopeAccounts")), "a small scope names its accounts");
        assertEquals(List.of(atPartner, atStore1), contactsWithin(pf));

        CrmUser s = user(ScopeType.STORE, null, store1);
        assertTrue(scopes.canSee(s, store1));
        assertFalse(scopes.canSee(s, partner), "the store does not see its partner");
        assertEquals(List.of(atStore1), contactsWithin(scopes.filter(s)));

        CrmUser hq = user(ScopeType.HQ, null, null);
        ScopeFilter all = scopes.filter(hq);
        assertTrue(all.isUnrestricted());
        assertEquals("", all.jpql("c.accountId"));
        assertEquals(List.of(atPartner, atStore1, atOther, noAccount), contactsWithin(all));
        assertTrue(scopes.canSee(hq, null));
        assertTrue(scopes.canSee(hq, otherStore));
        assertTrue(scopes.canSeeContact(hq, noAccount));
        assertFalse(scopes.canSeeContact(hq, 987_654L), "a contact that does not exist");

        ScopeDeniedException denied = assertThrows(ScopeDeniedException.class, () -> scopes.require(p, otherStore, "store Q-1"));
        assertEquals("store Q-1 is outside your data scope", denied.getMessage());
        assertEquals(ScopeDeniedException.OUTSIDE_SCOPE, denied.messageKey());
        assertEquals(List.of("store Q-1"), List.of(denied.messageArgs()));
        scopes.require(p, store1, "store P-1");
    }

    @Test
    void aRegionUserSeesTheAccountsOfTheRegion() {
        long east = account("E", null, "EAST");
        long eastStore = account("E-1", east, null); // inherits EAST
        long south = account("S", null, "SOUTH");
        long atEast = contact("13800000011", eastStore);
        contact("13800000012", south);
        CrmUser r = user(ScopeType.REGION, "EAST", null);
        assertTrue(scopes.canSee(r, eastStore));
        assertFalse(scopes.canSee(r, south));
        assertEquals(List.of(atEast), contactsWithin(scopes.filter(r)));
        assertTrue(scopes.filter(user(ScopeType.REGION, "NORTH", null)).isNothing(), "a region without accounts");
    }

    @Test
    void aUserWhoseAccountIsGoneSeesNothing() {
        long a = account("A", null, "EAST");
        contact("13800000021", a);
        CrmUser gone = user(ScopeType.PARTNER, null, 987_654L);
        ScopeFilter none = scopes.filter(gone);
        assertTrue(none.isNothing());
        assertEquals(List.of(), contactsWithin(none));
        assertFalse(scopes.canSee(gone, a));
        assertTrue(scopes.filter(user(ScopeType.STORE, null, null)).isNothing(), "a store user without an account");
    }

    @Test
    void aMovedAccountIsSeenMovedAtOnce() {
        long p = account("P", null, null);
        long q = account("Q", null, null);
        long store = account("S", p, null);
        long atStore = contact("13800000031", store);
        CrmUser partnerP = user(ScopeType.PARTNER, null, p);
        assertEquals(List.of(atStore), contactsWithin(scopes.filter(partnerP)));
        var s = f.accounts.get(f.admin, store);
        f.accounts.update(f.admin, store, new AccountData(null, s.name(), s.type(), q, s.region(), null, null, null, null, null, null, null, null, null, null, null,
                null, s.version()));
        assertEquals(List.of(), contactsWithin(scopes.filter(partnerP)), "nothing of the old tree is kept");
        assertFalse(scopes.canSee(partnerP, store));
        assertEquals(List.of(atStore), contactsWithin(scopes.filter(user(ScopeType.PARTNER, null, q))));
    }

    @Test
    void aScopeOfMoreAccountsThanListedLooksThemUpInTheCoresTable() {
        long big = account("Big", null, "NORTH");
        long other = account("Other", null, "WEST");
        List<Long> stores = new ArrayList<>();
        for (int i = 0; i < Scope.MAX_LISTED + 5; i++) {
            stores.add(account("Big-" + i, big, null));
        }
        long otherStore = account("Other-1", other, null);
        long atFirst = contact("13800000041", stores.get(0));
        long atLast = contact("13800000042", stores.get(stores.size() - 1));
        long atOther = contact("13800000043", otherStore);
        long noAccount = contact("13800000044", null);

        ScopeFilter partner = scopes.filter(user(ScopeType.PARTNER, null, big));
        assertFalse(partner.parameters().containsKey("scopeAccounts"), "too many to name: " + partner);
        assertEquals(List.of(atFirst, atLast), contactsWithin(partner));
        ScopeFilter region = scopes.filter(user(ScopeType.REGION, "NORTH", null));
        assertFalse(region.parameters().containsKey("scopeAccounts"), "too many to name: " + region);
        assertEquals(List.of(atFirst, atLast), contactsWithin(region));

        // inside a subquery and combined with OR, as module lists use it
        List<Long> viaSubquery = f.jpa.txExpr(em -> {
            var q = em.createQuery("SELECT c.id FROM Contact c WHERE c.id = :noAccount OR c.accountId IN (SELECT a.id FROM Account a WHERE "
                    + partner.condition("a.id") + ") ORDER BY c.id", Long.class).setParameter("noAccount", noAccount);
            partner.bind(q::setParameter);
            return q.getResultList();
        });
        assertEquals(List.of(atFirst, atLast, noAccount), viaSubquery);
        long count = f.jpa.txExpr(em -> {
            var q = em.createQuery("SELECT COUNT(c) FROM Contact c WHERE c.mobile LIKE :m" + partner.jpql("c.accountId"), Long.class)
                    .setParameter("m", "138%");
            partner.bind(q::setParameter);
            return q.getSingleResult();
        });
        assertEquals(2, count);
        assertFalse(contactsWithin(partner).contains(atOther));
    }
}
