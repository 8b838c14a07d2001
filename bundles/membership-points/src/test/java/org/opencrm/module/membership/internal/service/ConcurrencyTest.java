package org.opencrm.module.membership.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.Test;
import org.opencrm.module.membership.internal.dto.EarnRequest;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.module.membership.internal.dto.RedeemRequest;
import org.opencrm.module.membership.internal.dto.TxnResult;
import org.opencrm.module.membership.internal.dto.ValueRequest;

/**
 * 64 clients earn, redeem, top up and spend against the same few members, each request sent twice (the second
 * copy by another client at the same time, as a till retrying after a timeout would). Afterwards every balance
 * equals the sum of its ledger, no ledger row shows a negative balance, every reference was applied exactly once,
 * and both copies of a request got the same answer.
 */
class ConcurrencyTest {
    static final int CLIENTS = 64;
    static final int MEMBERS = 8;
    static final int REQUESTS_PER_CLIENT = 40;

    record Answer(String reference, long memberId, long points, long pointsBalance, BigDecimal valueBalance, String error) {
    }

    /** Few members: every request of a member waits for the one before (the worst case of row locking). */
    @Test
    void sixtyFourClientsKeepEveryBalanceEqualToItsLedger() throws Exception {
        run(MEMBERS, REQUESTS_PER_CLIENT);
    }

    /** Many members, as at a chain's tills: the figure of the earn/redeem path itself. */
    @Test
    void sixtyFourClientsOnManyMembers() throws Exception {
        run(512, 60);
    }

    private void run(int memberCount, int requestsPerClient) throws Exception {
        try (MembershipOnTestKit f = new MembershipOnTestKit()) {
            long store = f.kit.account("店", null);
            List<Long> members = new ArrayList<>();
            for (int i = 0; i < memberCount; i++) {
                MemberData m = f.member(store, null);
                members.add(m.id());
                f.ledger.topUp(f.admin, m.id(), new ValueRequest("seed-" + i, new BigDecimal("100"), store, null, null, null));
            }
            // every request is prepared once and sent by two clients
            List<Object[]> requests = new ArrayList<>();
            for (int i = 0; i < CLIENTS * requestsPerClient / 2; i++) {
                long member = members.get(ThreadLocalRandom.current().nextInt(memberCount));
                int kind = ThreadLocalRandom.current().nextInt(4);
                requests.add(new Object[] { member, kind, "C-" + i, ThreadLocalRandom.current().nextInt(1, 300) });
            }
            List<Object[]> sends = new ArrayList<>(requests);
            sends.addAll(requests);
            java.util.Collections.shuffle(sends);
            Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
            AtomicLong refused = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = client; i < sends.size(); i += CLIENTS) {
                        Object[] r = sends.get(i);
                        long member = (Long) r[0];
                        String ref = (String) r[2];
                        int n = (Integer) r[3];
                        Answer a;
                        try {
                            TxnResult t = switch ((Integer) r[1]) {
                                case 0, 1 -> f.ledger.earn(f.admin, member, new EarnRequest(ref, BigDecimal.valueOf(n), store, null, null, null));
                                case 2 -> f.ledger.redeem(f.admin, member, new RedeemRequest(ref, (long) n, store, null, null));
                                default -> f.ledger.spend(f.admin, member, new ValueRequest(ref, BigDecimal.valueOf(n, 1), store, null, null, null));
                            };
                            a = new Answer(ref, member, t.points(), t.pointsBalance(), t.valueBalance(), null);
                        } catch (InsufficientBalanceException e) {
                            refused.incrementAndGet();
                            a = new Answer(ref, member, 0, 0, null, e.code());
                        }
                        answers.computeIfAbsent(ref, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(a);
                    }
                    return null;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Future<?> d : done) {
                d.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            int calls = sends.size();
            System.out.printf("membership concurrency: %d clients, %d members, %d calls (%d distinct references, each sent twice) in %.2f s = %.0f calls/s; %d refused for balance%n",
                    CLIENTS, memberCount, calls, requests.size(), seconds, calls / seconds, refused.get());

            for (long m : members) {
                MemberData d = f.reload(m);
                assertEquals(d.pointsBalance(), f.pointsLedgerSum(m), "points balance = ledger of member " + m);
                assertEquals(d.valueBalance().movePointRight(2).longValueExact(), f.valueLedgerSum(m), "value balance = ledger of member " + m);
                assertTrue(d.pointsBalance() >= 0 && d.valueBalance().signum() >= 0);
            }
            long negative = f.jpa.txExpr(TransactionType.RequiresNew, em -> ((Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM MP_POINTS WHERE BALANCEAFTER < 0").getSingleResult()).longValue()
                    + ((Number) em.createNativeQuery("SELECT COUNT(*) FROM MP_VALUE WHERE BALANCEAFTER < 0").getSingleResult()).longValue());
            assertEquals(0, negative, "no ledger row shows a negative balance");
            long duplicated = f.jpa.txExpr(TransactionType.RequiresNew, em -> ((Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM (SELECT TXNID FROM MP_POINTS GROUP BY TXNID HAVING COUNT(*) > 1) X").getSingleResult()).longValue());
            assertEquals(0, duplicated, "one points row per applied request");
            long applied = f.jpa.txExpr(TransactionType.RequiresNew, em -> ((Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM MP_TXN WHERE REFERENCE LIKE 'C-%'").getSingleResult()).longValue());
            long refusedRefs = answers.values().stream().filter(l -> l.stream().allMatch(a -> a.error() != null)).count();
            assertEquals(requests.size() - refusedRefs, applied, "every accepted reference applied exactly once");
            for (Map.Entry<String, List<Answer>> e : answers.entrySet()) {
                List<Answer> pair = e.getValue();
                assertEquals(2, pair.size());
                Answer a = pair.get(0);
                Answer b = pair.get(1);
                if (a.error() == null && b.error() == null) {
                    assertEquals(a.points(), b.points(), e.getKey());
                    assertEquals(a.pointsBalance(), b.pointsBalance(), e.getKey());
                    assertEquals(a.valueBalance(), b.valueBalance(), e.getKey());
                }
            }
        }
    }
}
