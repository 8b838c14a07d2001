package org.opencrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** The SQLStates of Derby and PostgreSQL, found under the wrappers JPA and JTA put around them. */
class SqlFailureTest {
    @Test
    void derbyStates() {
        assertEquals(SqlFailure.UNIQUE_VIOLATION, SqlFailure.ofState("23505"));
        assertEquals(SqlFailure.INTEGRITY_VIOLATION, SqlFailure.ofState("23503")); // foreign key
        assertEquals(SqlFailure.INTEGRITY_VIOLATION, SqlFailure.ofState("23502")); // not null
        assertEquals(SqlFailure.SERIALIZATION_FAILURE, SqlFailure.ofState("40001")); // Derby's deadlock victim
        assertEquals(SqlFailure.LOCK_TIMEOUT, SqlFailure.ofState("40XL1"));
        assertEquals(SqlFailure.LOCK_TIMEOUT, SqlFailure.ofState("40XL2"));
        assertEquals(SqlFailure.OTHER, SqlFailure.ofState("42X05")); // no such table
        assertEquals(SqlFailure.OTHER, SqlFailure.ofState("08006")); // the connection went
    }

    @Test
    void postgresStates() {
        assertEquals(SqlFailure.UNIQUE_VIOLATION, SqlFailure.ofState("23505"));
        assertEquals(SqlFailure.INTEGRITY_VIOLATION, SqlFailure.ofState("23514")); // check
        assertEquals(SqlFailure.DEADLOCK, SqlFailure.ofState("40P01"));
        assertEquals(SqlFailure.SERIALIZATION_FAILURE, SqlFailure.ofState("40001"));
        assertEquals(SqlFailure.LOCK_TIMEOUT, SqlFailure.ofState("55P03"));
        assertEquals(SqlFailure.OTHER, SqlFailure.ofState("57014")); // statement timeout: not a lost race
        assertEquals(SqlFailure.OTHER, SqlFailure.ofState(null));
    }

    @Test
    void whatMayRunAgainAndWhatIsAConflict() {
        for (SqlFailure f : SqlFailure.values()) {
            boolean race = f == SqlFailure.DEADLOCK || f == SqlFailure.LOCK_TIMEOUT || f == SqlFailure.SERIALIZATION_FAILURE;
            assertEquals(race, f.isRetryable(), f.name());
            assertEquals(f == SqlFailure.UNIQUE_VIOLATION || f == SqlFailure.INTEGRITY_VIOLATION, f.isIntegrityViolation(), f.name());
        }
    }

    @Test
    void theStateIsFoundUnderWrappersAndNextExceptions() {
        SQLException unique = new SQLIntegrityConstraintViolationException("The statement was aborted because it would have caused a duplicate key value"
                + " in a unique or primary key constraint or unique index identified by 'HS_HANDSET_SERIAL'", "23505");
        RuntimeException wrapped = new PersistenceException(new RuntimeException("Exception [EclipseLink-4002]", unique));
        assertEquals(SqlFailure.UNIQUE_VIOLATION, SqlFailure.of(wrapped));
        assertSame(unique, SqlFailure.find(wrapped, SqlFailure.UNIQUE_VIOLATION).orElseThrow());
        assertTrue(SqlFailure.find(wrapped, SqlFailure.DEADLOCK).isEmpty());

        // Derby: a batch statement fails with a state-less wrapper whose next exception says what happened
        SQLException batch = new SQLException("Batch entry 3 failed");
        batch.setNextException(new SQLTransactionRollbackException("A lock could not be obtained within the time requested", "40XL1"));
        assertEquals(SqlFailure.LOCK_TIMEOUT, SqlFailure.of(new PersistenceException(batch)));
        assertEquals("40XL1", SqlFailure.sqlState(batch));

        // an uninformative state first, the meaningful one deeper down
        SQLException outer = new SQLException("rollback failed", "XJ001", new SQLException("deadlock detected", "40P01"));
        assertEquals(SqlFailure.DEADLOCK, SqlFailure.of(outer));
        assertEquals("XJ001", SqlFailure.sqlState(new SQLException("x", "XJ001")));
    }

    @Test
    void noSqlExceptionIsOther() {
        assertEquals(SqlFailure.OTHER, SqlFailure.of(new IllegalStateException("x")));
        assertEquals(SqlFailure.OTHER, SqlFailure.of(null));
        assertNull(SqlFailure.sqlState(new RuntimeException()));
        assertFalse(SqlFailure.find(new RuntimeException(), SqlFailure.UNIQUE_VIOLATION).isPresent());
    }

    @Test
    void aCycleInTheChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(SqlFailure.OTHER, SqlFailure.of(a));
    }
}
