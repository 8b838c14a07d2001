package org.opencrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batched inserts on a transaction's connection: every value type, partial last batch, and a failure as SqlFailure reads it. */
class BulkInsertTest {
    private enum Kind {
        SHOP
    }

    private static final List<BulkInsert.Column> COLUMNS = List.of(BulkInsert.Column.of("ID", Types.BIGINT), BulkInsert.Column.of("NAME", Types.VARCHAR),
            BulkInsert.Column.of("BORN", Types.DATE), BulkInsert.Column.of("SEEN", Types.TIMESTAMP), BulkInsert.Column.of("KIND", Types.VARCHAR),
            BulkInsert.Column.of("N", Types.INTEGER));
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:derby:memory:bulkInsert" + System.nanoTime() + ";create=true");
        try (Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE T (ID BIGINT PRIMARY KEY, NAME VARCHAR(20) NOT NULL, BORN DATE, SEEN TIMESTAMP, KIND VARCHAR(10), N INTEGER)");
        }
        c.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        c.rollback();
        c.close();
    }

    private long count() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM T")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void rowsGoInBatchesAndTheLastPartialBatchOnClose() throws SQLException {
        Instant at = Instant.parse("2026-12-07T01:02:03.456Z");
        try (BulkInsert insert = BulkInsert.into(c, "T", COLUMNS, 500)) {
            for (long i = 1; i <= 1234; i++) {
                insert.row(i, "n" + i, i == 1 ? LocalDate.of(1990, 2, 3) : null, at, Kind.SHOP, i == 1 ? null : (int) i);
                if (i == 1000) {
                    assertEquals(1000, insert.written(), "two full batches sent");
                    assertEquals(1000, count());
                }
            }
            assertEquals(1000, insert.written());
        }
        assertEquals(1234, count());
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT NAME, BORN, SEEN, KIND, N FROM T WHERE ID = 1")) {
            rs.next();
            assertEquals("n1", rs.getString(1));
            assertEquals(LocalDate.of(1990, 2, 3), rs.getDate(2).toLocalDate());
            assertEquals(at, rs.getTimestamp(3).toInstant());
            assertEquals("SHOP", rs.getString(4));
            assertNull(rs.getObject(5));
        }
    }

    @Test
    void aFailedBatchIsAnIntegrityViolationAndTheTransactionsRowsGoWithItsRollback() throws SQLException {
        try (BulkInsert insert = BulkInsert.into(c, "T", COLUMNS, 500)) {
            insert.row(1L, "a", null, null, null, null);
        }
        c.commit();
        BulkInsert.BulkInsertException e = assertThrows(BulkInsert.BulkInsertException.class, () -> {
            try (BulkInsert insert = BulkInsert.into(c, "T", COLUMNS, 3)) {
                insert.row(2L, "b", null, null, null, null);
                insert.row(3L, "c", null, null, null, null);
                insert.row(1L, "again", null, null, null, null); // the batch is sent here: the key is taken
            }
        });
        assertEquals(SqlFailure.UNIQUE_VIOLATION, SqlFailure.of(e));
        c.rollback();
        assertEquals(1, count(), "nothing of the failed transaction");
    }

    @Test
    void wrongArityAndNamesAreRefused() {
        try (BulkInsert insert = BulkInsert.into(c, "T", COLUMNS, 10)) {
            assertThrows(IllegalArgumentException.class, () -> insert.row(1L, "x"));
        }
        assertThrows(IllegalArgumentException.class, () -> BulkInsert.Column.of("ID; DROP TABLE T", Types.BIGINT));
        assertThrows(IllegalArgumentException.class, () -> BulkInsert.into(c, "T x", COLUMNS, 10));
    }
}
