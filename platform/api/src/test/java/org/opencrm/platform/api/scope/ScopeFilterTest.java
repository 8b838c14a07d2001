package org.opencrm.platform.api.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScopeFilterTest {
    @Test
    void theConditionGoesOnTheNamedColumn() {
        ScopeFilter f = ScopeFilter.accounts(List.of(3L, 7L));
        assertEquals(" AND (h.storeAccountId IN :scopeAccounts)", f.jpql("h.storeAccountId"));
        assertEquals("o.centreAccountId IN :scopeAccounts", f.condition("o.centreAccountId"));
        Map<String, Object> bound = new HashMap<>();
        f.bind(bound::put);
        assertEquals(Map.of("scopeAccounts", List.of(3L, 7L)), bound);
    }

    @Test
    void unrestrictedIsEmptyAndNothingMatchesNothing() {
        assertEquals("", ScopeFilter.unrestricted().jpql("h.storeAccountId"));
        assertEquals("1 = 1", ScopeFilter.unrestricted().condition("h.storeAccountId"));
        assertTrue(ScopeFilter.accounts(List.of()).isNothing());
        assertEquals(" AND (1 = 0)", ScopeFilter.nothing().jpql("m.joinStoreAccountId"));
        assertTrue(ScopeFilter.nothing().parameters().isEmpty());
    }

    @Test
    void onlyAJpqlPathIsAColumn() {
        ScopeFilter f = ScopeFilter.accounts(List.of(1L));
        assertThrows(IllegalArgumentException.class, () -> f.jpql("h.id) OR (1 = 1"));
        assertThrows(IllegalArgumentException.class, () -> f.jpql("storeAccountId"));
        assertThrows(IllegalArgumentException.class, () -> ScopeFilter.of("a.path LIKE :scopePath", Map.of()));
        assertEquals("SQL('x', w.accountId) = :scopeRegion", ScopeFilter.of("SQL('x', {column}) = :scopeRegion", Map.of("scopeRegion", "E"))
                .condition("w.accountId"));
    }
}
