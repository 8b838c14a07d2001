package org.opencrm.platform.core.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes competing for the leases of jobs on one (in-memory Derby) database, on a clock the test moves. */
class DatabaseJobLeasesTest {
    private static final Duration PERIOD = Duration.ofSeconds(10);
    private static final Duration LEASE = PERIOD.multipliedBy(2);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final MovableClock clock = new MovableClock();
    private DatabaseJobLeases a;
    private DatabaseJobLeases b;

    @BeforeEach
    void twoNodesOnOneDatabase() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:leases" + DATABASES.incrementAndGet());
        ds.setCreateDatabase("create");
        // renewals of a running task's lease every 10 ms of real time: the test moves the clock, and waits for them
        a = new DatabaseJobLeases(ds, clock, "node-a", lease -> Duration.ofMillis(10));
        b = new DatabaseJobLeases(ds, clock, "node-b", lease -> Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        a.deactivate();
        b.deactivate();
    }

    /**
     * A run longer than its lease keeps it while it goes on: the other node does not take it over (it did in the two-node
     * test before leases were renewed during runs: the outbox emptied a long queue for more than its lease); after the
     * run, the lease runs out as before when its holder stops ticking.
     */
    @Test
    void aRunLongerThanItsLeaseKeepsItUntilItEnds() {
        List<Boolean> otherRan = new ArrayList<>();
        assertTrue(a.runIfHolder("job", LEASE, () -> {
            for (int i = 0; i < 5; i++) {
                int before = a.renewed();
                clock.advance(PERIOD); // five periods: two and a half leases
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (a.renewed() <= before + 1 && System.nanoTime() < deadline) {
                    sleepBriefly(); // until the renewal thread renewed at the moved clock's time (a state, with a deadline)
                }
                otherRan.add(b.runIfHolder("job", LEASE, () -> { }));
                assertEquals("node-a", b.holder("job"));
            }
        }));
        assertEquals(List.of(false, false, false, false, false), otherRan, "node b never ran the job while node a's run went on");
        int after = a.renewed();
        clock.advance(LEASE.plusMillis(1));
        assertTrue(b.runIfHolder("job", LEASE, () -> { }), "no renewal after the run: the lease ran out");
        assertEquals(after, a.renewed(), "no renewal once the run ended");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void exactlyOneNodeRunsTheJobInEachPeriodAndKeepsIt() {
        AtomicInteger runsA = new AtomicInteger();
        AtomicInteger runsB = new AtomicInteger();
        for (int period = 0; period < 20; period++) {
            // the nodes' ticks in either order, as two schedulers drift
            boolean ranB = period % 2 == 0 && b.runIfHolder("job", LEASE, runsB::incrementAndGet);
            boolean ranA = a.runIfHolder("job", LEASE, runsA::incrementAndGet);
            if (period % 2 != 0) {
                ranB = b.runIfHolder("job", LEASE, runsB::incrementAndGet);
            }
            assertTrue(ranA ^ ranB, "exactly one node ran in period " + period);
            clock.advance(PERIOD);
        }
        assertEquals(20, runsA.get() + runsB.get());
        assertTrue(runsA.get() == 0 || runsB.get() == 0, "the holder keeps the lease while it renews: " + runsA + "/" + runsB);
    }

    @Test
    void anotherNodeTakesTheLeaseOverOnlyWhenTheHoldersLeaseExpired() {
        assertTrue(a.runIfHolder("job", LEASE, () -> { }));
        assertEquals("node-a", b.holder("job"));
        // node a dies: b's ticks find the lease held until it expires
        clock.advance(PERIOD);
        assertFalse(b.runIfHolder("job", LEASE, () -> { }));
        clock.advance(PERIOD);
        assertFalse(b.runIfHolder("job", LEASE, () -> { }), "still held at the very end of the lease");
        clock.advance(Duration.ofMillis(1));
        assertTrue(b.runIfHolder("job", LEASE, () -> { }), "taken over after the lease expired");
        assertEquals("node-b", a.holder("job"));
        // node a comes back: b holds it now
        assertFalse(a.runIfHolder("job", LEASE, () -> { }));
        clock.advance(LEASE.plusMillis(1));
        assertNull(a.holder("job"), "nobody holds an expired lease");
    }

    @Test
    void leasesOfDifferentJobsAreIndependent() {
        assertTrue(a.runIfHolder("escalation", LEASE, () -> { }));
        assertTrue(b.runIfHolder("outbox", LEASE, () -> { }));
        assertFalse(a.runIfHolder("outbox", LEASE, () -> { }));
        assertFalse(b.runIfHolder("escalation", LEASE, () -> { }));
    }

    /** Both nodes ask at the same instant, again and again, for a new job and for an expired lease: one wins each time. */
    @Test
    void atTheSameMomentExactlyOneNodeTakesIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 30; round++) {
                String job = round % 2 == 0 ? "new-" + round : "shared";
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> took = new ArrayList<>();
                for (DatabaseJobLeases node : List.of(a, b)) {
                    took.add(pool.submit(() -> {
                        start.await();
                        return node.take(job, LEASE);
                    }));
                }
                int winners = (took.get(0).get() ? 1 : 0) + (took.get(1).get() ? 1 : 0);
                // a new job's first lease (the INSERT race) and an expired one's take-over (the UPDATE race)
                assertEquals(1, winners, "round " + round + " (" + job + ")");
                clock.advance(LEASE.plusMillis(1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class MovableClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aNodeIsNamedAfterItsKarafInstanceNameElseItsHostAndIsNewAtEachStart() {
        String named = DatabaseJobLeases.nodeId("node-a", "host1");
        assertTrue(named.matches("node-a-[0-9a-f]{8}"), named);
        assertTrue(DatabaseJobLeases.nodeId("root", "host1").matches("host1-[0-9a-f]{8}"), "Karaf's default instance name is no name");
        assertTrue(DatabaseJobLeases.nodeId(null, "host1").startsWith("host1-"));
        assertFalse(named.equals(DatabaseJobLeases.nodeId("node-a", "host1")), "unique per start");
        assertEquals(64, DatabaseJobLeases.nodeId("n".repeat(80), "host1").length());
    }
}
