package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.dto.ContactData;

/** The header search's contacts: the first matches in search order, no count, within the user's scope. */
class ContactFirstMatchesTest {
    @Test
    void theFirstMatchesAreTheSearchsFirstPageInItsOrder() {
        try (CoreFixture f = new CoreFixture()) {
            for (int i = 0; i < 8; i++) {
                f.contacts.create(f.admin, CoreFixture.contact("客户" + i, "1390000000" + (7 - i), null));
            }
            f.contacts.create(f.admin, CoreFixture.contact("其他", "13800000000", null));
            List<ContactData> first = f.contacts.firstMatches(f.admin, "139000", 5);
            assertEquals(f.contacts.search(f.admin, PageRequest.of("139000", 0, 5), null, null).items(), first);
            assertEquals(List.of("13900000000", "13900000001", "13900000002", "13900000003", "13900000004"),
                    first.stream().map(ContactData::mobile).toList());
            assertEquals(List.of("客户1"), f.contacts.firstMatches(f.admin, "客户1", 5).stream().map(ContactData::name).toList());
        }
    }

    @Test
    void aPartnerFindsOnlyItsOwnSubtreeAndAUserWithoutReadNothing() {
        try (CoreFixture f = new CoreFixture()) {
            long store = f.account("门店", null);
            f.contacts.create(f.admin, CoreFixture.contact("店内客户", "13911110000", store));
            f.contacts.create(f.admin, CoreFixture.contact("店外客户", "13911110001", null));
            CrmUser clerk = CoreFixture.partner("clerk", store, ContactService.READ);
            assertEquals(List.of("店内客户"), f.contacts.firstMatches(clerk, "1391111", 5).stream().map(ContactData::name).toList());
            assertThrows(AccessDeniedException.class, () -> f.contacts.firstMatches(CoreFixture.partner("nobody", store, "core.account.read"), "1391111", 5));
        }
    }
}
