package org.opencrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** Bounded retries of lost lock races, with the pauses recorded instead of slept. */
class TransactionRetryTest {
    private final List<Duration> pauses = new ArrayList<>();
    /** The highest pause each time: the bound of the backoff. */
    private final TransactionRetry retry = TransactionRetry.standard().pausing(pauses::add, (low, high) -> high);

    private static RuntimeException failure(String sqlState) {
        return new PersistenceException(new SQLException("lost", sqlState));
    }

    @Test
    void aDeadlockVictimRunsAgainUntilItCommits() {
        AtomicInteger runs = new AtomicInteger();
        String out = retry.run("test", () -> {
            if (runs.incrementAndGet() < 3) {
                throw failure(runs.get() == 1 ? "40001" : "40XL1");
            }
            return "committed";
        });
        assertEquals("committed", out);
        assertEquals(3, runs.get());
        assertEquals(List.of(Duration.ofMillis(2), Duration.ofMillis(4)), pauses, "growing pauses");
    }

    @Test
    void retriesAreBoundedAndTheLastFailureIsThrownAsItWas() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException last = failure("40P01");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> retry.run("test", () -> {
            runs.incrementAndGet();
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(6, runs.get(), "the standard bound");
        assertEquals(5, pauses.size());
        assertTrue(pauses.stream().allMatch(d -> d.toMillis() <= 200), "never more than the longest pause: " + pauses);
        assertEquals(List.of(2L, 4L, 8L, 16L, 32L), pauses.stream().map(Duration::toMillis).toList());

        runs.set(0);
        assertThrows(RuntimeException.class, () -> retry.attempts(2).run("test", () -> {
            runs.incrementAndGet();
            throw last;
        }));
        assertEquals(2, runs.get());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThrows(PersistenceException.class, () -> retry.run("test", () -> {
            runs.incrementAndGet();
            throw failure("23505");
        }));
        assertThrows(IllegalStateException.class, () -> retry.run("test", (Runnable) () -> {
            runs.incrementAndGet();
            throw new IllegalStateException();
        }));
        assertEquals(2, runs.get());
        assertEquals(List.of(), pauses);
    }

    @Test
    void whatIsRetriedCanBeChosen() {
        AtomicInteger runs = new AtomicInteger();
        String out = retry.when(SqlFailure::isIntegrityViolation).attempts(3).run("chunk", () -> {
            if (runs.incrementAndGet() == 1) {
                throw failure("23505");
            }
            return "saved";
        });
        assertEquals("saved", out);
        assertEquals(2, runs.get());
    }

    @Test
    void theJitterStaysWithinTheBackoffBounds() {
        List<long[]> asked = new ArrayList<>();
        TransactionRetry r = TransactionRetry.standard().backoff(Duration.ofMillis(5), Duration.ofMillis(50)).pausing(pauses::add, (low, high) -> {
            asked.add(new long[] { low, high });
            return low;
        });
        for (int next = 2; next <= 12; next++) {
            Duration d = r.pauseBefore(next);
            assertEquals(5, d.toMillis());
        }
        assertEquals(5, asked.get(0)[1]);
        assertEquals(10, asked.get(1)[1]);
        assertEquals(50, asked.get(asked.size() - 1)[1], "capped at the longest pause");
        assertTrue(asked.stream().allMatch(b -> b[0] == 5));
    }

    @Test
    void anInterruptedPauseGivesUpKeepingTheInterrupt() {
        TransactionRetry r = TransactionRetry.standard().pausing(d -> {
            throw new InterruptedException();
        }, (low, high) -> low);
        AtomicInteger runs = new AtomicInteger();
        assertThrows(PersistenceException.class, () -> r.run("test", () -> {
            runs.incrementAndGet();
            throw failure("40001");
        }));
        assertEquals(1, runs.get());
        assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
    }
}
