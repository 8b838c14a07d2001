package org.opencrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchemaCollationTest {
    @Test
    void onlyCAndPosixLetPostgresqlIndexPrefixSearches() {
        assertTrue(Schema.bytewise("C"));
        assertTrue(Schema.bytewise("POSIX"));
        // glibc's C.UTF-8 sorts by code point too, but PostgreSQL 15 does not treat it as C for LIKE
        assertFalse(Schema.bytewise("C.UTF-8"));
        assertFalse(Schema.bytewise("en_US.UTF-8"));
        assertFalse(Schema.bytewise("zh_CN.UTF-8"));
    }
}
