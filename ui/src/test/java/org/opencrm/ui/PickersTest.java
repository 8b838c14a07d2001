package org.opencrm.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.security.UserAccount;
import org.opencrm.ui.RecordPicker.Choice;

/** How a picker reads what was typed, and what it asks the directory for with it. */
class PickersTest {
    private static final CrmUser STORE_CLERK = new CrmUser("clerk", Set.of(), Set.of(), new DataScope(ScopeType.STORE, null, 10L));
    private static final CrmUser HQ = new CrmUser("hq", Set.of(), Set.of(), DataScope.HQ);

    @Test
    void readsNumbersNamesAndBlank() {
        assertEquals(new PickerQuery(null, null, false), PickerQuery.of("  "));
        assertEquals(new PickerQuery(null, null, false), PickerQuery.of(null));
        assertEquals(new PickerQuery(12L, null, true), PickerQuery.of("#12"));
        assertEquals(new PickerQuery(12L, null, true), PickerQuery.of("# 12 "));
        assertEquals(new PickerQuery(null, null, true), PickerQuery.of("#abc"), "a # without a number finds nothing by name either");
        assertEquals(new PickerQuery(138L, "138", false), PickerQuery.of(" 138"), "digits may be a number or the start of a mobile");
        assertEquals(new PickerQuery(null, "华南", false), PickerQuery.of("华南 "));
        assertNull(PickerQuery.of("0").number(), "ids start at 1");
        assertNull(PickerQuery.of("1234567890123456789").number(), "longer than an id: a code, not a number");
        assertTrue(PickerQuery.of("li").matches("Li Wei"));
        assertFalse(PickerQuery.of("#3").matches("li3"));
    }

    @Test
    void accountsByNumberThenByNameOnlyInScopeAndOfTheType() {
        Directory d = new Directory();
        d.accounts.add(new AccountRef(10, "天河店", "STORE", 5L, "SOUTH"));
        d.accounts.add(new AccountRef(11, "越秀店", "STORE", 5L, "SOUTH"));
        d.accounts.add(new AccountRef(5, "华南通讯", "PROVINCIAL_DISTRIBUTOR", null, "SOUTH"));
        d.visible = Set.of(10L);
        var stores = Pickers.accounts(d, STORE_CLERK, "STORE");

        assertEquals(List.of(new Choice<>(10L, "天河店")), stores.find(PickerQuery.of("#10"), 20));
        assertEquals(List.of(), stores.find(PickerQuery.of("#11"), 20), "a store outside the scope is not offered by its number");
        assertEquals(List.of(), stores.find(PickerQuery.of("#5"), 20), "nor an account of another type");
        assertEquals("[]", d.asked.toString(), "#number searches no names");
        assertEquals(List.of(new Choice<>(10L, "天河店")), stores.find(PickerQuery.of("天河"), 20));
        assertEquals("[天河|STORE|20]", d.asked.toString(), "the name search is the directory's scoped search, with the type and the limit");

        d.asked.clear();
        stores.find(PickerQuery.of(""), 7);
        assertEquals("[null|STORE|7]", d.asked.toString(), "blank lists the first accounts");
        assertEquals(RecordNames.HIDDEN, stores.caption(11L), "outside the scope neither the name nor the number shows");
        assertEquals("天河店", stores.caption(10L));
        var storesInChinese = Pickers.accounts(d, STORE_CLERK, "STORE", java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals(List.of(new Choice<>(10L, "天河店 (门店)")), storesInChinese.find(PickerQuery.of("天河"), 20), "a picker names the type in the user's language, never the id");
        assertEquals("天河店 (门店)", storesInChinese.caption(10L));
    }

    @Test
    void aRecordFoundByNumberAndByNameIsOfferedOnce() {
        List<Choice<Long>> twice = List.of(new Choice<>(10L, "a #10"), new Choice<>(10L, "a #10"), new Choice<>(11L, "b #11"));
        assertEquals(List.of(new Choice<>(10L, "a #10"), new Choice<>(11L, "b #11")), RecordPicker.distinct(twice));
    }

    @Test
    void contactsShowNameAndMobile() {
        Directory d = new Directory();
        d.contacts.add(new ContactRef(7, "黄丽", "13800000007", 10L));
        d.visible = Set.of(7L);
        var contacts = Pickers.contacts(d, STORE_CLERK);
        assertEquals(List.of(new Choice<>(7L, "黄丽 (138****0007)")), contacts.find(PickerQuery.of("#7"), 20));
        assertEquals(List.of(new Choice<>(7L, "黄丽 (138****0007)")), contacts.find(PickerQuery.of("1380"), 20));
        assertEquals("[contact:1380|20]", d.asked.toString(), "digits go to the directory's search, which reads them as a mobile");
    }

    @Test
    void usersByNameWithinTheScope() {
        Directory d = new Directory();
        d.visible = Set.of(10L);
        List<UserAccount> all = List.of(new UserAccount("zhang", "张伟", Set.of(), ScopeType.STORE, null, 10L, true, Instant.EPOCH),
                new UserAccount("wang", "王芳", Set.of(), ScopeType.STORE, null, 11L, true, Instant.EPOCH),
                new UserAccount("old", "张旧", Set.of(), ScopeType.STORE, null, 10L, false, Instant.EPOCH),
                new UserAccount("admin", null, Set.of(), ScopeType.HQ, null, null, true, Instant.EPOCH));
        org.opencrm.platform.api.security.UserService users = (org.opencrm.platform.api.security.UserService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { org.opencrm.platform.api.security.UserService.class }, (p, m, a) -> {
                    if (m.getName().equals("list")) {
                        return all;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        assertEquals(List.of(new Choice<>("zhang", "张伟 (zhang)")), Pickers.users(users, d, STORE_CLERK).find(PickerQuery.of("张"), 20),
                "a disabled user and a user of another store are not offered");
        assertEquals(List.of("zhang", "wang", "admin"), Pickers.users(users, d, HQ).find(PickerQuery.of(""), 20).stream().map(Choice::key).toList());
        assertEquals(List.of(), Pickers.users(users, d, HQ).find(PickerQuery.of("#3"), 20));
        assertEquals("admin", Pickers.users(users, d, HQ).caption("admin"));
    }

    /** A directory that answers from lists, sees only {@link #visible} ids, and records the searches it is asked. */
    private static final class Directory implements CustomerDirectory {
        final List<AccountRef> accounts = new ArrayList<>();
        final List<ContactRef> contacts = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        Set<Long> visible = Set.of();

        @Override
        public Optional<ContactRef> contact(long id) {
            return contacts.stream().filter(c -> c.id() == id).findFirst();
        }

        @Override
        public Optional<ContactRef> contactByMobile(String mobile) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountRef> account(long id) {
            return accounts.stream().filter(a -> a.id() == id).findFirst();
        }

        @Override
        public boolean canSeeContact(CrmUser user, long contactId) {
            return visible.contains(contactId);
        }

        @Override
        public ContactRef createContact(CrmUser user, String name, String mobile, Long accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean canSeeAccount(CrmUser user, long accountId) {
            return visible.contains(accountId);
        }

        @Override
        public List<AccountRef> findAccounts(CrmUser user, String namePrefix, String type, int limit) {
            asked.add(namePrefix + "|" + type + "|" + limit);
            return accounts.stream().filter(a -> visible.contains(a.id())).filter(a -> namePrefix == null || a.name().startsWith(namePrefix))
                    .filter(a -> type == null || type.equals(a.type())).limit(limit).toList();
        }

        @Override
        public List<ContactRef> findContacts(CrmUser user, String text, int limit) {
            asked.add("contact:" + text + "|" + limit);
            return contacts.stream().filter(c -> visible.contains(c.id())).filter(c -> c.mobile().startsWith(text) || c.name().startsWith(text)).toList();
        }
    }
}
