package org.opencrm.module.handset.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImeiTest {
    @Test
    void knownImeisPassTheLuhnCheck() {
        assertTrue(Imei.isValid("490154203237518")); // the example of the GSMA / Wikipedia
        assertTrue(Imei.isValid("356938035643809"));
        assertTrue(Imei.isValid("860000000000009"));
        assertEquals(8, Imei.checkDigit("49015420323751"));
        assertEquals("490154203237518", Imei.withCheckDigit("49015420323751"));
    }

    @Test
    void everyWrongCheckDigitIsRefused() {
        for (int d = 0; d <= 9; d++) {
            assertEquals(d == 8, Imei.isValid("49015420323751" + d), "check digit " + d);
        }
    }

    @Test
    void aSingleMistypedDigitOrTwoSwappedNeighboursAreCaught() {
        String good = "490154203237518";
        for (int i = 0; i < 14; i++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c != good.charAt(i)) {
                    String typo = good.substring(0, i) + c + good.substring(i + 1);
                    assertFalse(Imei.isValid(typo), typo);
                }
            }
        }
        assertFalse(Imei.isValid("940154203237518")); // 4 and 9 swapped (Luhn misses only 09 <-> 90)
    }

    @Test
    void lengthAndCharactersMatter() {
        assertFalse(Imei.isValid(null));
        assertFalse(Imei.isValid(""));
        assertFalse(Imei.isValid("49015420323751"));
        assertFalse(Imei.isValid("4901542032375180"));
        assertFalse(Imei.isValid("49015420323751a"));
        assertFalse(Imei.isValid("4901542032375 8"));
        assertThrows(IllegalArgumentException.class, () -> Imei.checkDigit("123"));
    }

    @Test
    void separatorsAreRemoved() {
        assertEquals("490154203237518", Imei.normalise(" 49-015420-323751-8 "));
        assertEquals("490154203237518", Imei.normalise("49 015420 323751 8"));
        assertEquals("490154203237518", Imei.normalise("49/015420/323751/8"));
        assertTrue(Imei.isValid(Imei.normalise("49-015420-323751-8")));
    }

    @Test
    void normaliseRemovesWhatTheRegexRemovedAndNothingElse() {
        // the loop replaced replaceAll("[\\s./-]", ""): same result for every separator, letters and other signs kept
        assertEquals("490154203237518", Imei.normalise("\t49.015420\r\n323751\u000B8\f"));
        assertEquals("49015420323751x8+", Imei.normalise("4901-5420 3237.51x8+"));
        String plain = "490154203237518";
        assertSame(plain, Imei.normalise(plain)); // nothing to remove: no copy
        assertEquals("", Imei.normalise(" - / . "));
        assertNull(Imei.normalise(null));
        for (String s : new String[] { "1 2", "a\u00A0b", "x_y", "--", "\u2003q" }) {
            assertEquals(s.replaceAll("[\\s./-]", ""), Imei.normalise(s), s);
        }
    }
}
