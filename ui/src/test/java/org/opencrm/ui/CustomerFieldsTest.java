package org.opencrm.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CounterMatch;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.ui.UiContext;

/** The customer's mobile at a counter: what the clerk is told for an own customer, one registered elsewhere, a new one. */
class CustomerFieldsTest {
    private static final CrmUser CLERK = new CrmUser("clerk", Set.of(), Set.of(), new DataScope(ScopeType.STORE, null, 10L));

    /** Answers every counter look-up with {@link #matches} and records what it was asked. */
    private static final class Counter implements CustomerDirectory {
        List<CounterMatch> matches = List.of();
        final List<String> asked = new ArrayList<>();

        @Override
        public List<CounterMatch> findAtCounter(CrmUser user, String text, int limit) {
            asked.add(text);
            return matches;
        }

        @Override
        public Optional<ContactRef> contact(long id) {
            return Optional.empty();
        }

        @Override
        public Optional<ContactRef> contactByMobile(String mobile) {
            return Optional.empty();
        }

        @Override
        public Optional<AccountRef> account(long id) {
            return Optional.empty();
        }

        @Override
        public boolean canSeeContact(CrmUser user, long contactId) {
            return false;
        }

        @Override
        public ContactRef createContact(CrmUser user, String name, String mobile, Long accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean canSeeAccount(CrmUser user, long accountId) {
            return false;
        }
    }

    @Test
    void aCustomerRegisteredElsewhereIsShownByNameAndMaskedMobile() {
        Counter d = new Counter();
        CustomerFields f = new CustomerFields(d, new UiContext(CLERK, Locale.SIMPLIFIED_CHINESE), "receive", "customer");
        f.mobile.setValue("1380013");
        assertEquals(List.of(), d.asked, "an incomplete mobile is not looked up");
        assertTrue(f.name.isVisible());

        d.matches = List.of(new CounterMatch(7, "王小明", "138****8007", false));
        f.mobile.setValue("13800138007");
        assertEquals(List.of("13800138007"), d.asked);
        assertEquals("顾客：王小明（138****8007），已在其他门店或网点登记", f.found.getValue());
        assertFalse(f.name.isVisible(), "no name asked: no duplicate");

        d.matches = List.of(new CounterMatch(8, "王大明", "139****9001", true));
        f.mobile.setValue("13900139001");
        assertEquals("顾客：王大明", f.found.getValue());

        d.matches = List.of();
        f.mobile.setValue("13700137000");
        assertEquals("新顾客：请填写姓名。", f.found.getValue());
        assertTrue(f.name.isVisible());
    }
}
