package org.opencrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;

class QueriesTest {
    @Test
    void prefixPatternEscapesWildcardsAndLowercases() {
        assertEquals("wang\\_50\\%%", Queries.prefixPattern("Wang_50%"));
    }

    @Test
    void versionCheck() {
        Queries.checkVersion("contact", 1, 3L, 3);
        assertThrows(ConflictException.class, () -> Queries.checkVersion("contact", 1, 2L, 3));
        assertThrows(InvalidInputException.class, () -> Queries.checkVersion("contact", 1, null, 3));
    }
}
