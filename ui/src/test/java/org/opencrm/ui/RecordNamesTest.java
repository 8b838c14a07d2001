package org.opencrm.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;

/** The caption rules: names with a human detail that tells namesakes apart, never an internal id. */
class RecordNamesTest {
    @Test
    void mobilesAreMaskedInTheMiddle() {
        assertEquals("138****0007", RecordNames.maskedMobile("13800000007"));
        assertEquals("+86138****0007", RecordNames.maskedMobile(" +8613800000007 "));
        assertEquals("020*5678", RecordNames.maskedMobile("02015678"));
        assertEquals("***45", RecordNames.maskedMobile("12345"), "short numbers keep only their last two");
        assertEquals("", RecordNames.maskedMobile(null));
        assertEquals("", RecordNames.maskedMobile(" "));
    }

    @Test
    void contactsByNameAndMaskedMobile() {
        assertEquals("黄丽 (138****0007)", RecordNames.contactCaption(new ContactRef(7, "黄丽", "13800000007", 10L)));
        assertEquals("黄丽", RecordNames.contactCaption(new ContactRef(7, "黄丽", null, 10L)));
    }

    @Test
    void accountsByNameAndTypeInTheUsersLanguage() {
        AccountRef store = new AccountRef(603, "天河", "STORE", 5L, "SOUTH");
        AccountRef centre = new AccountRef(86, "天河", "SERVICE_PROVIDER", 5L, "SOUTH");
        assertEquals("天河 (门店)", RecordNames.accountCaption(store, Locale.SIMPLIFIED_CHINESE));
        assertEquals("天河 (授权服务商)", RecordNames.accountCaption(centre, Locale.SIMPLIFIED_CHINESE));
        assertEquals("天河 (Store)", RecordNames.accountCaption(store, Locale.ENGLISH));
        assertEquals("天河", RecordNames.accountCaption(store, null), "without a language only the name");
        assertEquals("天河", RecordNames.accountCaption(new AccountRef(9, "天河", "NO_SUCH_TYPE", null, null), Locale.ENGLISH));
        for (String caption : new String[] {RecordNames.accountCaption(store, Locale.ENGLISH), RecordNames.accountCaption(centre, Locale.SIMPLIFIED_CHINESE)}) {
            assertFalse(caption.contains("#") || caption.contains("603") || caption.contains("86"), caption);
        }
    }
}
