package org.opencrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batching logic on an in-memory "database" of balances (a transaction works on a copy that replaces the committed
 * state when it commits): refusals stay with their request, a reference applies once also when sent twice at once,
 * one member's requests apply in order, a batch that fails at commit is run again request by request.
 */
class GroupCommitTest {
    /** Committed balances and references; a transaction sees a copy. */
    private final Map<String, Long> committed = new HashMap<>();
    /** Each committed transaction: the requests (by reference) it carried. */
    private final List<List<String>> commits = new ArrayList<>();
    /** Holds the committer inside its transaction until released (to let requests queue up). */
    private volatile CountDownLatch gate;
    private volatile CountDownLatch inside;
    /** Fails the commit of a transaction that wrote this reference. */
    private volatile String failCommitOf;
    private GroupCommit<Tx> group;

    static final class Tx {
        final Map<String, Long> snapshot;
        final Map<String, Long> data;
        final List<String> wrote = new ArrayList<>();

        Tx(Map<String, Long> committed) {
            this.snapshot = Map.copyOf(committed);
            this.data = new HashMap<>(committed);
        }
    }

    private void transaction(Consumer<Tx> body) {
        Tx tx;
        synchronized (committed) {
            tx = new Tx(committed);
        }
        CountDownLatch g = gate;
        if (g != null) {
            inside.countDown();
            try {
                assertTrue(g.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        body.accept(tx);
        if (failCommitOf != null && tx.wrote.contains(failCommitOf)) {
            throw new IllegalStateException("unique constraint at commit");
        }
        synchronized (committed) {
            // only what this transaction changed: two committers' transactions run side by side (on disjoint keys)
            tx.data.forEach((k, v) -> {
                if (!v.equals(tx.snapshot.get(k))) {
                    committed.put(k, v);
                }
            });
            commits.add(tx.wrote);
        }
    }

    /** Adds points to a member: refused (before writing) when the balance would go below zero; a known reference answers its first result. */
    record Points(String member, String reference, long points) implements GroupCommit.Request<Tx, String> {
        @Override
        public Collection<?> keys() {
            return List.of("member:" + member, "reference:" + reference);
        }

        @Override
        public GroupCommit.Write<Tx, String> check(Tx tx) {
            Long prior = tx.data.get("ref:" + reference);
            if (prior != null) {
                return GroupCommit.Write.answer("replayed " + prior);
            }
            long balance = tx.data.getOrDefault(member, 0L);
            if (balance + points < 0) {
                throw new IllegalArgumentException("insufficient " + member);
            }
            return t -> {
                t.data.put(member, balance + points);
                t.data.put("ref:" + reference, balance + points);
                t.wrote.add(reference);
                return "applied " + (balance + points);
            };
        }
    }

    private GroupCommit<Tx> start(int committers) {
        group = GroupCommit.start("test", this::transaction, TransactionRetry.standard(), committers, 64,
                Comparator.comparing(r -> ((Points) r).member()));
        return group;
    }

    @AfterEach
    void stop() {
        if (group != null) {
            group.close();
        }
    }

    private CountDownLatch held;

    /** Submits a first request and holds its committer inside the transaction, so that what is submitted next queues up. */
    private CompletableFuture<String> holdFirst() throws InterruptedException {
        held = new CountDownLatch(1);
        gate = held;
        inside = new CountDownLatch(1);
        CompletableFuture<String> first = group.submit(new Points("z", "first", 1));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        return first;
    }

    private void release() {
        // the committer waits on the latch it read before gate was cleared
        held.countDown();
    }

    @Test
    void requestsQueuedWhileATransactionRunsCommitTogetherAndARefusalStaysWithItsRequest() throws Exception {
        start(1);
        CompletableFuture<String> first = holdFirst();
        CompletableFuture<String> a = group.submit(new Points("a", "r-a", 10));
        CompletableFuture<String> b = group.submit(new Points("b", "r-b", -5)); // b has nothing: refused
        CompletableFuture<String> c = group.submit(new Points("c", "r-c", 7));
        gate = null;
        release();
        assertEquals("applied 1", first.get(10, TimeUnit.SECONDS));
        assertEquals("applied 10", a.get(10, TimeUnit.SECONDS));
        assertEquals("applied 7", c.get(10, TimeUnit.SECONDS));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> b.get(10, TimeUnit.SECONDS));
        assertEquals("insufficient b", refused.getCause().getMessage());
        synchronized (committed) {
            assertEquals(List.of(List.of("first"), List.of("r-a", "r-c")), commits, "the three queued requests in one transaction, without the refused one");
            assertFalse(committed.containsKey("b"), "the refusal wrote nothing");
            assertFalse(committed.containsKey("ref:r-b"));
        }
    }

    @Test
    void theSameReferenceTwiceAtOnceAppliesOnceAndTheRepeatAnswersTheFirstResult() throws Exception {
        start(2);
        CompletableFuture<String> first = holdFirst();
        inside = new CountDownLatch(2); // the second committer may also wait at the gate
        CompletableFuture<String> once = group.submit(new Points("a", "dup", 5));
        CompletableFuture<String> again = group.submit(new Points("a", "dup", 5));
        CompletableFuture<String> otherMember = group.submit(new Points("b", "dup", 5));
        gate = null;
        release();
        first.get(10, TimeUnit.SECONDS);
        assertEquals("applied 5", once.get(10, TimeUnit.SECONDS));
        assertEquals("replayed 5", again.get(10, TimeUnit.SECONDS));
        assertEquals("replayed 5", otherMember.get(10, TimeUnit.SECONDS), "the check sees the committed reference, whichever member sends it");
        synchronized (committed) {
            assertEquals(5L, committed.get("a"));
            assertFalse(committed.containsKey("b"));
            assertEquals(1, commits.stream().filter(c -> c.contains("dup")).count(), "the reference was written by one transaction");
            assertTrue(commits.stream().allMatch(c -> c.stream().filter("dup"::equals).count() <= 1));
        }
    }

    @Test
    void oneMembersRequestsApplyInTheOrderTheyWereSent() throws Exception {
        start(2);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        List<CompletableFuture<String>> others = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            answers.add(group.submit(new Points("a", "a-" + i, i % 3 == 0 ? -2 : 1)));
            others.add(group.submit(new Points("m" + (i % 17), "o-" + i, 1)));
        }
        long expected = 0;
        for (int i = 1; i <= 200; i++) {
            long delta = i % 3 == 0 ? -2 : 1;
            if (expected + delta >= 0) {
                expected += delta;
                assertEquals("applied " + expected, answers.get(i - 1).get(10, TimeUnit.SECONDS), "request " + i + " saw all earlier ones");
            } else {
                int n = i;
                assertThrows(ExecutionException.class, () -> answers.get(n - 1).get(10, TimeUnit.SECONDS));
            }
        }
        for (CompletableFuture<String> o : others) {
            assertTrue(o.get(10, TimeUnit.SECONDS).startsWith("applied "));
        }
        synchronized (committed) {
            assertEquals(expected, committed.get("a"));
            for (int k = 0; k < 17; k++) {
                long n = 0;
                for (int i = 1; i <= 200; i++) {
                    n += i % 17 == k ? 1 : 0;
                }
                assertEquals(n, committed.get("m" + k), "member m" + k);
            }
            List<String> ofA = new ArrayList<>();
            commits.forEach(c -> c.stream().filter(r -> r.startsWith("a-")).forEach(ofA::add));
            List<String> sorted = new ArrayList<>(ofA);
            sorted.sort(Comparator.comparingInt(r -> Integer.parseInt(r.substring(2))));
            assertEquals(sorted, ofA, "member a's writes were committed in the order sent");
        }
    }

    @Test
    void aBatchThatFailsAtCommitIsRunAgainRequestByRequestSoOnlyTheFailingOneFails() throws Exception {
        start(1);
        failCommitOf = "bad";
        CompletableFuture<String> first = holdFirst();
        CompletableFuture<String> a = group.submit(new Points("a", "r-a", 3));
        CompletableFuture<String> bad = group.submit(new Points("b", "bad", 4));
        CompletableFuture<String> c = group.submit(new Points("c", "r-c", 6));
        gate = null;
        release();
        first.get(10, TimeUnit.SECONDS);
        assertEquals("applied 3", a.get(10, TimeUnit.SECONDS));
        assertEquals("applied 6", c.get(10, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertEquals("unique constraint at commit", failed.getCause().getMessage());
        synchronized (committed) {
            assertFalse(committed.containsKey("b"));
            assertEquals(List.of(List.of("first"), List.of("r-a"), List.of("r-c")), commits, "the batch failed as a whole, then each alone");
        }
    }

    @Test
    void applyThrowsTheRequestsOwnExceptionAndCloseFailsWhatIsStillQueued() throws Exception {
        start(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> group.apply(new Points("a", "r-1", -1)));
        assertEquals("insufficient a", e.getMessage());
        assertEquals("applied 2", group.apply(new Points("a", "r-2", 2)));

        CompletableFuture<String> running = holdFirst();
        CompletableFuture<String> queued = group.submit(new Points("a", "r-3", 1));
        Thread closer = new Thread(group::close);
        closer.start();
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> queued.get(10, TimeUnit.SECONDS));
        assertSame(IllegalStateException.class, stopped.getCause().getClass());
        gate = null;
        release();
        assertEquals("applied 1", running.get(10, TimeUnit.SECONDS), "the batch that was running is answered");
        closer.join(10_000);
        assertThrows(IllegalStateException.class, () -> group.submit(new Points("a", "r-4", 1)));
        group = null;
    }

    @Test
    void resizingWhileRequestsFlowLosesNoneAndKeepsEachMembersOrder() throws Exception {
        start(2);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        // 40 members x 25 points each, submitted while the committers go 2 -> 4 -> 1 -> 3 and the batch size changes
        int[][] sizes = { { 4, 8 }, { 1, 3 }, { 3, 64 } };
        for (int round = 0; round < 25; round++) {
            for (int m = 0; m < 40; m++) {
                answers.add(group.submit(new Points("m" + m, "r-" + m + "-" + round, 1)));
            }
            if (round % 8 == 4) {
                int[] size = sizes[round / 8];
                group.resize(size[0], size[1]);
            }
        }
        for (CompletableFuture<String> a : answers) {
            assertTrue(a.get(30, TimeUnit.SECONDS).startsWith("applied "));
        }
        synchronized (committed) {
            for (int m = 0; m < 40; m++) {
                assertEquals(25L, committed.get("m" + m), "member m" + m);
                // each member's requests applied in the order sent: the n-th reference saw a balance of n
                for (int round = 0; round < 25; round++) {
                    assertEquals(round + 1L, committed.get("ref:r-" + m + "-" + round));
                }
            }
            assertTrue(commits.stream().allMatch(c -> c.size() <= 64));
        }
        // the surplus committers end between batches: 3 remain, and they still work
        group.resize(3, 64);
        assertEquals("applied 26", group.apply(new Points("m0", "r-after", 1)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.committers() != 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(3, group.committers());
        assertThrows(IllegalArgumentException.class, () -> group.resize(0, 64));
    }
}
