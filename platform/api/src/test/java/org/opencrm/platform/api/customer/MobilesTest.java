package org.opencrm.platform.api.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MobilesTest {
    @Test
    void theMiddleDigitsAreHiddenAndShortNumbersKeepOnlyTheirLastTwo() {
        assertEquals("138****0007", Mobiles.masked("13800000007"));
        assertEquals("+86138****0007", Mobiles.masked(" +8613800000007 "));
        assertEquals("020*5678", Mobiles.masked("02015678"));
        assertEquals("****21", Mobiles.masked("654321"));
        assertEquals("***45", Mobiles.masked("12345"));
        assertEquals("7", Mobiles.masked("7"));
        assertEquals("", Mobiles.masked(null));
        assertEquals("", Mobiles.masked(" "));
    }
}
