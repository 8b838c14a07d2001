package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.core.internal.address.Addresses;
import org.opencrm.platform.core.internal.dto.AccountData;
import org.opencrm.platform.core.internal.dto.ContactData;
import org.opencrm.platform.core.internal.model.AccountType;

/** 省/市/区 of contacts and accounts: stored as names and code, given as either, refused when they disagree; old accounts coded. */
class AddressCodesTest {
    private final CoreFixture f = new CoreFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static AccountData account(String name, String province, String city, String district, String code) {
        return new AccountData(null, name, AccountType.STORE, null, null, province, city, district, code, null, null, null, null, null, null, null,
                null, null);
    }

    private static ContactData contact(String name, String province, String city, String district, String code) {
        return new ContactData(null, name, null, List.of(), null, null, null, province, city, district, code, null, List.of(), null, null, null, null,
                null, null, null, null, null, null);
    }

    @Test
    void anAccountsCodeFillsItsNamesAndItsNamesGiveItsCode() {
        AccountData byCode = f.accounts.create(f.admin, account("南山店", null, null, null, "440305"));
        assertEquals(List.of("广东省", "深圳市", "南山区", "440305"), List.of(byCode.province(), byCode.city(), byCode.district(), byCode.divisionCode()));
        AccountData byNames = f.accounts.create(f.admin, account("深圳店", "广东省", "深圳市", null, null));
        assertEquals("440300", byNames.divisionCode());
        assertNull(byNames.district());
        AccountData freeText = f.accounts.create(f.admin, account("老店", "广东", "深圳", null, null));
        assertNull(freeText.divisionCode(), "names that are no division's are kept without a code");
        assertEquals("广东", freeText.province());
    }

    @Test
    void aContactsCodeIsReadAndWrittenLikeAnAccounts() {
        ContactData c = f.contacts.create(f.admin, contact("王五", null, null, null, "110105"));
        assertEquals(List.of("北京市", "北京市", "朝阳区", "110105"), List.of(c.province(), c.city(), c.district(), c.divisionCode()));
        assertEquals("110105", f.contacts.get(f.admin, c.id()).divisionCode());
        assertEquals("440305", f.contacts.create(f.admin, contact("赵六", "广东省", "深圳市", "南山区", null)).divisionCode());
    }

    @Test
    void unknownCodesAndNamesThatContradictTheCodeAreRefusedAtTheirField() {
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> f.accounts.create(f.admin, account("甲", null, null, null, "999999")));
        assertEquals("divisionCode", unknown.field());
        assertEquals("address.unknownDivision", unknown.messageKey());
        InvalidInputException mismatch = assertThrows(InvalidInputException.class,
                () -> f.contacts.create(f.admin, contact("乙", "广东省", "广州市", null, "440305")));
        assertEquals("city", mismatch.field());
        assertEquals("address.divisionMismatch", mismatch.messageKey());
        assertEquals(0, f.contacts.search(f.admin, org.opencrm.platform.api.PageRequest.of("乙", 0, 10), null, null).total(), "nothing saved");
        // the same names as the code's are fine
        assertEquals("440305", f.contacts.create(f.admin, contact("丙", "广东省", "深圳市", "南山区", "440305")).divisionCode());
    }

    @Test
    void accountsSavedBeforeTheCodesGetThemFromTheSchemaStep() throws Exception {
        long coded = f.accounts.create(f.admin, account("旧店", "广东省", "深圳市", null, null)).id();
        long free = f.accounts.create(f.admin, account("更旧", "广东", null, null, null)).id();
        f.jpa.tx(em -> em.createNativeQuery("UPDATE CRM_ACCOUNT SET DIVISIONCODE = NULL").executeUpdate());
        assertNull(f.accounts.get(f.admin, coded).divisionCode());
        try (var connection = f.jpa.database().dataSource().getConnection()) {
            Addresses.codeAccounts(connection);
        }
        f.jpa.tx(em -> em.getEntityManagerFactory().getCache().evictAll());
        assertEquals("440300", f.accounts.get(f.admin, coded).divisionCode());
        assertNull(f.accounts.get(f.admin, free).divisionCode());
    }
}
