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

    @Test
    void batchedInsertsAreRewrittenOnlyWhenTheDriversUrlSaysTrue() {
        // what PostgreSQL's driver reports as the URL of a connection its DataSource made: every setting listed
        String base = "jdbc:postgresql://db:5432/crm?ApplicationName=PostgreSQL+JDBC+Driver&binaryTransfer=true&";
        assertTrue(Schema.rewritesBatchedInserts(base + "reWriteBatchedInserts=true&reWriteBatchedInsertsSize=0"));
        assertTrue(Schema.rewritesBatchedInserts(base + "reWriteBatchedInserts=TRUE"));
        assertFalse(Schema.rewritesBatchedInserts(base + "reWriteBatchedInserts=false&reWriteBatchedInsertsSize=0"));
        assertFalse(Schema.rewritesBatchedInserts(base + "reWriteBatchedInsertsSize=128"), "another setting of a similar name");
        assertFalse(Schema.rewritesBatchedInserts("jdbc:postgresql://db:5432/crm"));
        assertFalse(Schema.rewritesBatchedInserts(null));
    }
}
