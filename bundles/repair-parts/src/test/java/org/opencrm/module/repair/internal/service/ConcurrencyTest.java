package org.opencrm.module.repair.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.module.repair.internal.dto.ApprovalInput;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.ReplacementInput;
import org.opencrm.module.repair.internal.dto.StockInput;
import org.opencrm.module.repair.internal.dto.TransferInput;

/** Races on one stock row, on real Derby row locks: exactly the stock there is is issued, the ledger adds up. */
class ConcurrencyTest {
    private static final int THREADS = 8;
    private static RepairOnTestKit f;
    private static ExecutorService pool;

    @BeforeAll
    static void setUp() {
        f = new RepairOnTestKit();
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
        f.close();
    }

    /** Runs the tasks at once (released together) and returns what each ended with: "ok" or the error code. */
    private static List<String> race(List<Callable<Object>> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (Callable<Object> task : tasks) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    task.call();
                    return "ok";
                } catch (org.opencrm.platform.api.CrmException e) {
                    return e.code();
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> r : results) {
            outcomes.add(r.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    void eightApprovalsRaceForTheLastUnitAndExactlyOneWins() throws Exception {
        String part = f.part("LAST-1");
        long warehouse = f.centreWarehouse(f.centreA);
        f.receipt(warehouse, part, 1);
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            RepairOrderData o = f.diagnosed(f.centreA, true);
            requests.add(f.replacements.request(f.admin, o.id(), new ReplacementInput(part, 1, null, null)).id());
        }
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            long id = requests.get(i);
            String serial = "OLD-" + i;
            tasks.add(() -> f.replacements.approve(f.admin, id, new ApprovalInput(serial, null, null)));
        }
        List<String> outcomes = race(tasks);
        assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
        assertEquals(THREADS - 1, outcomes.stream().filter("insufficient_stock"::equals).count(), outcomes.toString());
        long partId = f.parts.byNumber(f.admin, part).id();
        assertEquals(0, f.stock.quantity(warehouse, partId));
        assertEquals(1, requests.stream().filter(id -> f.replacements.get(f.admin, id).status().equals("APPROVED")).count());
        assertEquals(THREADS - 1, requests.stream().filter(id -> f.replacements.get(f.admin, id).status().equals("PENDING")).count());
        Long moves = f.jpa.txExpr(em -> em.createQuery("SELECT COUNT(m) FROM StockMovement m WHERE m.partId = :p", Long.class).setParameter("p", partId)
                .getSingleResult());
        assertEquals(2L, moves, "one receipt, one issue");
        ledgerAddsUp();
    }

    @Test
    void theSameRequestApprovedTwiceAtOnceIssuesOnce() throws Exception {
        String part = f.part("TWICE-1");
        long warehouse = f.centreWarehouse(f.centreA);
        f.receipt(warehouse, part, 5);
        long id = f.replacements.request(f.admin, f.diagnosed(f.centreA, true).id(), new ReplacementInput(part, 1, null, null)).id();
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            tasks.add(() -> f.replacements.approve(f.admin, id, new ApprovalInput("OLD", null, null)));
        }
        List<String> outcomes = race(tasks);
        assertEquals(1, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
        assertTrue(outcomes.stream().allMatch(o -> o.equals("ok") || o.equals("invalid_status")), outcomes.toString());
        assertEquals(4, f.stock.quantity(warehouse, f.parts.byNumber(f.admin, part).id()));
        ledgerAddsUp();
    }

    @Test
    void transfersBothWaysAndIssuesAtOnceNeverGoNegativeNorDeadlock() throws Exception {
        String part = f.part("MIX-1");
        long a = f.centreWarehouse(f.centreA);
        long b = f.centreWarehouse(f.centreB);
        f.receipt(a, part, 20);
        f.receipt(b, part, 20);
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 4 * THREADS; i++) {
            int n = i;
            tasks.add(switch (n % 4) {
                case 0 -> () -> f.stock.transfer(f.admin, new TransferInput(a, b, part, 3L, null));
                case 1 -> () -> f.stock.transfer(f.admin, new TransferInput(b, a, part, 3L, null));
                case 2 -> () -> f.stock.adjust(f.admin, new StockInput(a, part, -4L, "loss " + n));
                default -> () -> f.stock.adjust(f.admin, new StockInput(b, part, -4L, "loss " + n));
            });
        }
        List<String> outcomes = race(tasks);
        assertTrue(outcomes.stream().allMatch(o -> o.equals("ok") || o.equals("insufficient_stock")), outcomes.toString());
        long partId = f.parts.byNumber(f.admin, part).id();
        long left = f.stock.quantity(a, partId) + f.stock.quantity(b, partId);
        assertTrue(left >= 0);
        assertEquals(40, left + 4 * java.util.stream.IntStream.range(0, outcomes.size()).filter(i -> i % 4 >= 2 && outcomes.get(i).equals("ok")).count(),
                "only the adjustments took stock away: " + outcomes);
        ledgerAddsUp();
    }

    private static void ledgerAddsUp() {
        for (long[] row : f.stock.reconcile()) {
            assertEquals(row[2], row[3], "warehouse " + row[0] + " part " + row[1]);
            assertTrue(row[3] >= 0);
        }
    }
}
