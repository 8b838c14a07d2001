package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.core.internal.schema.CoreSchema;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.customer.ContactReference;
import org.opencrm.platform.api.customer.ContactReferences;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.model.Contact;
import org.opencrm.platform.core.internal.model.ContactStatus;
import org.opencrm.platform.persistence.Schema;
import org.opencrm.platform.persistence.testing.InMemoryJpa;

/** Contacts without mobiles, the mobile's unique constraint and its migration, scope holes, references before delete. */
class ContactIntegrityTest {
    private CoreFixture f = new CoreFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void manyContactsMayHaveNoMobileAndAMobileStaysUnique() {
        f.contacts.create(f.admin, CoreFixture.contact("无手机一", null, null));
        f.contacts.create(f.admin, CoreFixture.contact("无手机二", null, null));
        f.contacts.create(f.admin, CoreFixture.contact("有手机", "13900000001", null));
        ConflictException e = assertThrows(ConflictException.class, () -> f.contacts.create(f.admin, CoreFixture.contact("重复", "13900000001", null)));
        assertEquals("mobile", e.field());
        assertEquals(3, f.jpa.count("CRM_CONTACT"));
        // the database itself refuses a duplicate mobile (a writer racing past the service's check)
        assertThrows(RuntimeException.class, () -> f.jpa.tx(em -> em.persist(raw("竞争", "13900000001"))));
        f.jpa.tx(em -> em.persist(raw("又一个无手机", null)));
        assertEquals(4, f.jpa.count("CRM_CONTACT"));
    }

    @Test
    void aDatabaseWithTheOldUniqueIndexIsMigratedAtStartWithoutLoss() {
        f.close();
        InMemoryJpa jpa = new InMemoryJpa("crm-core");
        // a database of the previous version: the unique index, under which Derby allowed a single contact without mobile
        jpa.tx(em -> {
            sql(em, "ALTER TABLE CRM_CONTACT DROP CONSTRAINT " + Contact.MOBILE_CONSTRAINT);
            sql(em, "CREATE UNIQUE INDEX " + Contact.OLD_MOBILE_INDEX + " ON CRM_CONTACT (MOBILE)");
        });
        jpa.tx(em -> em.persist(raw("旧甲", "13700000001")));
        jpa.tx(em -> em.persist(raw("旧乙", null)));
        assertThrows(RuntimeException.class, () -> jpa.tx(em -> em.persist(raw("旧丙", null))), "the old index refuses a second NULL");

        f = new CoreFixture(jpa); // the core starts: migrates
        f.newImports().stop(); // and again, as a second node or a restart would: nothing left to do
        assertEquals(java.util.List.of(), new CoreSchema(jpa, jpa.database().dataSource()).migrated().applied(),
                "a second start finds the core's schema at its latest version");
        assertEquals(8, new CoreSchema(jpa, jpa.database().dataSource()).migrated().to());
        jpa.tx(em -> {
            assertTrue(Schema.index(em, "CRM_CONTACT", Contact.OLD_MOBILE_INDEX).isEmpty(), "the old index is gone");
        });
        assertEquals(2, jpa.count("CRM_CONTACT"), "nothing lost");
        f.contacts.create(f.admin, CoreFixture.contact("新丙", null, null));
        f.contacts.create(f.admin, CoreFixture.contact("新丁", null, null));
        assertThrows(ConflictException.class, () -> f.contacts.create(f.admin, CoreFixture.contact("重复", "13700000001", null)));
        assertThrows(RuntimeException.class, () -> jpa.tx(em -> em.persist(raw("竞争", "13700000001"))), "still unique in the database");
        assertEquals(4, jpa.count("CRM_CONTACT"));
    }

    @Test
    void aDuplicateMobileNamesOnlyAContactTheCallerMaySee() {
        long a = f.account("A", null);
        long b = f.account("B", null);
        long theirs = f.contacts.create(f.admin, CoreFixture.contact("乙客户", "13600000002", b)).id();
        long mine = f.contacts.create(f.admin, CoreFixture.contact("甲客户", "13600000001", a)).id();
        CrmUser partnerA = CoreFixture.partner("pa", a);
        ConflictException hidden = assertThrows(ConflictException.class, () -> f.contacts.create(partnerA, CoreFixture.contact("探", "13600000002", a)));
        assertEquals("mobile", hidden.field());
        assertFalse(hidden.getMessage().matches(".*contact \\d+.*") || hidden.getMessage().contains("乙客户"), hidden.getMessage());
        assertTrue(theirs > 0);
        assertEquals("mobileInUse", hidden.messageKey());
        ConflictException named = assertThrows(ConflictException.class, () -> f.contacts.create(partnerA, CoreFixture.contact("重", "13600000001", a)));
        assertTrue(named.getMessage().contains("contact " + mine), named.getMessage());
        assertEquals(List.of("13600000001", mine), List.of(named.messageArgs()));
    }

    @Test
    void aScopedUserCannotMoveAnAccountOutOfItsSubtree() {
        long a = f.account("A", null);
        long a1 = f.account("A1", a);
        long a2 = f.account("A2", a);
        long b = f.account("B", null);
        CrmUser manager = CoreFixture.partner("mgr", a);
        for (Long parent : new Long[] { null, b, 99_999L }) {
            for (long moved : new long[] { a1, a }) {
                if (parent == null && moved == a) {
                    continue; // A is a top-level account already: nothing moves
                }
                AccountData d = f.accounts.get(manager, moved);
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> f.accounts.update(manager, moved, withParent(d, parent)),
                        moved + " to " + parent);
                assertEquals("parentId", e.field());
                assertEquals("moveOutOfScope", e.messageKey());
            }
        }
        assertEquals(a, f.accounts.get(f.admin, a1).parentId());
        // within the subtree it may; HQ may make a top-level account
        assertEquals(a1, f.accounts.update(manager, a2, withParent(f.accounts.get(manager, a2), a1)).parentId());
        assertEquals(null, f.accounts.update(f.admin, a2, withParent(f.accounts.get(f.admin, a2), null)).parentId());
    }

    private static AccountData withParent(AccountData d, Long parent) {
        return new AccountData(d.id(), d.name(), d.type(), parent, d.region(), d.province(), d.city(), d.district(), d.divisionCode(), d.address(), d.phone(), d.status(), d.owner(),
                d.createdAt(), d.createdBy(), d.updatedAt(), d.updatedBy(), d.version());
    }

    @Test
    void householdsAreSeenAndJoinedWithinThePartnerOnly() {
        long a = f.account("A", null);
        long b = f.account("B", null);
        CrmUser pa = CoreFixture.partner("pa", a);
        CrmUser pb = CoreFixture.partner("pb", b);
        long houseB = f.contacts.createHousehold(pb, "乙之家", null).id;
        assertEquals(b, f.contacts.household(pb, houseB).accountId);
        assertThrows(RecordNotFoundException.class, () -> f.contacts.household(pa, houseB));
        assertThrows(RecordNotFoundException.class, () -> f.contacts.householdMembers(pa, houseB));
        ContactData joining = CoreFixture.contact("甲", null, a);
        ContactData withHouse = new ContactData(null, joining.name(), null, List.of(), null, null, null, null, null, null, null, null, List.of(), null, null, a,
                houseB, null, null, null, null, null, null);
        assertEquals("householdId", assertThrows(InvalidInputException.class, () -> f.contacts.create(pa, withHouse)).field());
        assertThrows(InvalidInputException.class, () -> f.contacts.createHousehold(pa, "越界", b));
        // HQ's household (no account) is seen by a partner through one of its own members only
        long shared = f.contacts.createHousehold(f.admin, "总部之家", null).id;
        assertThrows(RecordNotFoundException.class, () -> f.contacts.household(pa, shared));
        f.contacts.create(f.admin, new ContactData(null, "甲成员", null, List.of(), null, null, null, null, null, null, null, null, List.of(), null, null, a, shared,
                null, null, null, null, null, null));
        assertEquals(1, f.contacts.householdMembers(pa, shared).size());
    }

    @Test
    void aContactAModuleRefersToIsNotDeletedAndTheRefusalSaysWhatInTheCallersLanguage() {
        long a = f.account("A", null);
        long referred = f.contacts.create(f.admin, CoreFixture.contact("会员", "13500000001", a)).id();
        long free = f.contacts.create(f.admin, CoreFixture.contact("自由", "13500000002", a)).id();
        ContactReferences members = references("membership-points", referred);
        f.references.addReferences(members);
        ConflictException en = assertThrows(ConflictException.class, () -> f.contacts.delete(f.admin, referred, null, Locale.ENGLISH));
        assertEquals("contact_referenced", en.code());
        assertTrue(en.getMessage().contains("1 member") && en.getMessage().contains("membership-points"), en.getMessage());
        ConflictException zh = assertThrows(ConflictException.class, () -> f.contacts.delete(f.admin, referred, null, Locale.SIMPLIFIED_CHINESE));
        assertTrue(zh.getMessage().contains("1 个会员") && zh.getMessage().contains("不能删除"), zh.getMessage());
        assertEquals(ContactStatus.ACTIVE, f.contacts.get(f.admin, referred).status());

        // the module is disabled: what it refers to cannot be asked, so nothing is deleted meanwhile
        f.references.removeReferences(members);
        ConflictException absent = assertThrows(ConflictException.class, () -> f.contacts.delete(f.admin, free, null, Locale.ENGLISH));
        assertTrue(absent.getMessage().contains("membership-points"), absent.getMessage());
        f.references.addReferences(members);
        f.contacts.delete(f.admin, free, null, Locale.ENGLISH);
        assertThrows(RecordNotFoundException.class, () -> f.contacts.get(f.admin, free));
        // an operator may forget a module removed for good
        f.references.removeReferences(members);
        assertTrue(f.references.forget("membership-points"));
        f.contacts.delete(f.admin, referred, null, Locale.ENGLISH);
    }

    private static ContactReferences references(String module, long contactId) {
        return new ContactReferences() {
            @Override
            public String moduleId() {
                return module;
            }

            @Override
            public List<ContactReference> referencesTo(long id, Locale locale) {
                if (id != contactId) {
                    return List.of();
                }
                return List.of(new ContactReference("membership.member", 1, "zh".equals(locale.getLanguage()) ? "1 个会员（M1）" : "1 member (M1)"));
            }

            @Override
            public Set<Long> referencedAmong(Collection<Long> contactIds) {
                return contactIds.contains(contactId) ? Set.of(contactId) : Set.of();
            }
        };
    }

    private static Contact raw(String name, String mobile) {
        Contact c = new Contact();
        c.name = name;
        c.nameKey = name;
        c.mobile = mobile;
        c.status = ContactStatus.ACTIVE;
        return c;
    }

    private static void sql(EntityManager em, String sql) {
        try (Statement s = em.unwrap(Connection.class).createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
