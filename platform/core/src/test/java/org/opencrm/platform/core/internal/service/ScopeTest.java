package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.core.internal.model.Account;

class ScopeTest {
    private static Account account(String path, String region) {
        Account a = new Account();
        a.path = path;
        a.region = region;
        return a;
    }

    @Test
    void partnerScopeCoversItsSubtreeOnly() {
        Scope partner = new Scope("", "", Map.of("scopePath", "/1/7/%"));
        assertTrue(partner.covers(account("/1/7/", "EAST")));
        assertTrue(partner.covers(account("/1/7/42/", "EAST")));
        assertFalse(partner.covers(account("/1/70/", "EAST")), "a sibling whose id starts with the same digits is not inside");
        assertFalse(partner.covers(account("/1/", "EAST")), "the parent is not inside");
        assertFalse(partner.covers(null));
    }

    @Test
    void regionScopeMatchesRegion() {
        Scope region = new Scope("", "", Map.of("scopeRegion", "SOUTH"));
        assertTrue(region.covers(account("/1/2/", "SOUTH")));
        assertFalse(region.covers(account("/1/3/", "EAST")));
    }

    @Test
    void hqCoversEverything() {
        Scope hq = new Scope("", "", Map.of());
        assertTrue(hq.unrestricted());
        assertTrue(hq.covers(account("/9/", null)));
    }
}
