package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.opencrm.testsupport.CrmRestClient;
import org.opencrm.testsupport.KarafServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two Karaf nodes of the assembled distribution on one PostgreSQL database, as a company runs them behind a load
 * balancer (docs/operations.md, "Several nodes on one database"). Not Pax Exam: two real processes, started as a user
 * starts them ({@code bin/karaf server}, {@link KarafServer}) in target/two-node/node-a and node-b with ports of their
 * own, on a database of their own of the suite's throw-away PostgreSQL cluster ({@link TestDatabase}). In order:
 * <ol>
 * <li>a module enabled through node A's REST serves on node B within 2 s, and disabled on B is gone on A within 2 s;
 * <li>32 till clients, half on each node, earn and redeem against the same few members (some requests sent again to
 * the other node with the same reference, as a till does after a timeout); in the middle of the run the node holding
 * the scheduled jobs' lease (usually A, which enabled the module first) is killed with SIGKILL: its clients fail over to the
 * other node with the same reference, the other node keeps serving, and the lease of the notification outbox moves to
 * it within the lease time and one period of the job;
 * <li>afterwards every member's balance equals the sum of its ledger, every reference answered 2xx is in the ledger
 * exactly once and no reference twice, and the notification outbox sent every message at most once.
 * </ol>
 * Part of the README's {@code mvn -B verify}: the itests' PostgreSQL execution runs it after IntegrationSuite, on the
 * same throw-away cluster (about 70 s on an idle 2-core machine, 4–14 minutes beside other CI runs). Alone:
 * {@code mvn -B -o verify -pl distribution/itests -Dtest=TwoNodeIT -Dcrm.itest.realClockOnly=true}. It prints its
 * figures (convergence, till rate, failover, lease move) as "TwoNodeIT:" lines.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TwoNodeIT {
    /** Two cold starts at once on a loaded machine (a state waited for, not a delay). */
    private static final Duration START = Duration.ofMinutes(10);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /**
     * The issue's goal for a module change to reach every node, counted from the answer of the node that was asked (it
     * records the decision before it installs; the others read it every clusterPollMillis, 500 ms, and install too).
     */
    private static final long CONVERGENCE_GOAL_MS = 2000;
    /** Longer than this for the asking node's own enable or disable: the machine is starved ({@link #assertConverged}). */
    private static final long STARVED_MS = 5000;
    private static final int CLIENTS = 32;
    private static final int MEMBERS = 6;
    private static final int REQUESTS_PER_CLIENT = 50;
    /** One in this many earns answered 200 is sent again, to the other node, with the same reference. */
    private static final int RESEND_EVERY = 8;
    /** The membership outbox's job lease and its period (Maintenance: 5 s, the lease twice that but at least 15 s). */
    private static final String OUTBOX_LEASE = "membership.outbox";
    private static final Duration OUTBOX_PERIOD = Duration.ofSeconds(5);
    private static final Duration OUTBOX_LEASE_TIME = Duration.ofSeconds(15);
    private static final Pattern NODE_ID = Pattern.compile("This node is (\\S+) in the cluster's job leases");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestDatabase.Database database;
    private static Node a;
    private static Node b;
    private static long store;
    private static final List<Long> members = new ArrayList<>();

    /** A node: its process, its admin client and its id in the job leases. */
    private static final class Node {
        final String name;
        final KarafServer server;
        final CrmRestClient admin;
        String leaseId;

        Node(String name, KarafServer server) {
            this.name = name;
            this.server = server;
            this.admin = server.admin();
        }

        /** This node's id in CRM_JOBLEASE, from the line its lease service logs when it starts. */
        String leaseId() throws IOException {
            if (leaseId == null) {
                Path log = server.home().resolve("data/log/karaf.log");
                leaseId = await(name + " logging its node id", () -> {
                    try {
                        Matcher m = NODE_ID.matcher(Files.exists(log) ? Files.readString(log) : "");
                        return m.find() ? m.group(1) : null;
                    } catch (IOException e) {
                        return null;
                    }
                }, id -> id != null);
            }
            return leaseId;
        }

        @Override
        public String toString() {
            return name + " (" + server.baseUrl() + ")";
        }
    }

    @BeforeClass
    public static void twoNodesOnOnePostgresql() throws Exception {
        database = TestDatabase.postgresql("crm_two_node");
        Path tarGz = Path.of(System.getProperty("crm.distribution", "../target/opencrm-distribution-0.1.0-SNAPSHOT.tar.gz"));
        Path dir = Path.of(System.getProperty("crm.itest.twoNodeDir", "target/two-node")).toAbsolutePath();
        String password = "Two-node-" + Long.toString(System.nanoTime(), 36);
        // ports of their own (plus crm.itest.portOffset): away from the suite's 18xxx and a running instance's 8181/8101
        a = new Node("node A", node(tarGz, dir.resolve("node-a"), "node-a", 20181, password));
        b = new Node("node B", node(tarGz, dir.resolve("node-b"), "node-b", 20281, password));
        long t0 = System.nanoTime();
        a.server.start();
        b.server.start();
        a.server.awaitHttp("/health/ready", 200, START);
        b.server.awaitHttp("/health/ready", 200, START);
        System.out.printf("TwoNodeIT: both nodes ready (/health/ready 200) %.1f s after their simultaneous start on %s%n", secs(t0), database.url());
    }

    private static KarafServer node(Path tarGz, Path home, String name, int httpPort, String password) throws Exception {
        KarafServer node = KarafServer.unpack(tarGz, home).ports(httpPort, httpPort - 80, httpPort - 82, httpPort - 81).adminPassword(password)
                // its name in the job leases (DatabaseJobLeases) and in Karaf
                .configPut("system.properties", "karaf.name", name);
        for (Map.Entry<String, String> e : database.dataSourceConfig().entrySet()) {
            node.configPut("org.ops4j.datasource-crm.cfg", e.getKey(), e.getValue());
        }
        return node;
    }

    @AfterClass
    public static void stopNodes() throws Exception {
        for (Node n : new Node[] { a, b }) {
            if (n != null) {
                try {
                    n.server.close();
                } catch (Exception e) {
                    System.err.println("TwoNodeIT: " + n + " not stopped cleanly (" + e + "); killed");
                    n.server.kill();
                }
            }
        }
    }

    // ------------------------------------------------------------------ 1. one set of modules

    @Test
    public void a_aModuleEnabledOnOneNodeServesOnTheOtherWithinTwoSeconds() {
        String module = "modules/sample-notes";
        if ("ACTIVE".equals(state(a, module))) {
            assertEquals(200, a.admin.call("POST", module + "/disable", "").status());
            await("sample-notes gone on node B", () -> status(b, "sample-notes"), s -> s == 404);
        }
        assertEquals(404, answered(b, "sample-notes"));

        Instant[] requestedAt = new Instant[2];
        requestedAt[0] = Instant.now();
        long asked = System.nanoTime();
        CrmRestClient.Reply enabled = a.admin.call("POST", module + "/enable", "").expect(200);
        long t0 = System.nanoTime();
        assertEquals(enabled.body(), "ACTIVE", json(enabled.body()).get("state").asText());
        assertEquals("node A serves the module it enabled", 200, answered(a, "sample-notes"));
        await("sample-notes serving on node B", () -> status(b, "sample-notes"), s -> s == 200);
        long enableMs = millis(t0);
        long enableAnswerMs = (t0 - asked) / 1_000_000;
        System.out.println("TwoNodeIT: sample-notes enabled through node A (its answer after " + enableAnswerMs + " ms) served on node B "
                + enableMs + " ms after node A's answer, " + millis(asked) + " ms after the request (goal " + CONVERGENCE_GOAL_MS + " ms after node A's answer)");

        requestedAt[1] = Instant.now();
        asked = System.nanoTime();
        b.admin.call("POST", module + "/disable", "").expect(200);
        t0 = System.nanoTime();
        assertEquals("node B no longer serves what it disabled", 404, answered(b, "sample-notes"));
        await("sample-notes gone on node A", () -> status(a, "sample-notes"), s -> s == 404);
        long disableMs = millis(t0);
        long disableAnswerMs = (t0 - asked) / 1_000_000;
        System.out.println("TwoNodeIT: sample-notes disabled through node B (its answer after " + disableAnswerMs + " ms) gone on node A "
                + disableMs + " ms after node B's answer, " + millis(asked) + " ms after the request (goal " + CONVERGENCE_GOAL_MS + " ms after node B's answer)");
        // where the time went, from the following nodes' logs: when their poll read the decision, how long their own
        // installation took (on a loaded machine the installation dominates, not the poll)
        // (a module serves, or is gone, a moment before its node logs that it is done)
        Followed enableTrace = await("node B's log of the enable", () -> followed(b, "enabled", requestedAt[0]), Followed::complete);
        Followed disableTrace = await("node A's log of the disable", () -> followed(a, "disabled", requestedAt[1]), Followed::complete);
        System.out.println("TwoNodeIT: node B " + enableTrace + "; node A " + disableTrace);
        assertConverged("enabled on A, serving on B", enableMs, enableAnswerMs, "node B", enableTrace);
        assertConverged("disabled on B, gone on A", disableMs, disableAnswerMs, "node A", disableTrace);
    }

    /**
     * The 2 s goal between nodes. The following node must read the decision within 2 s of the request (its poll: the
     * product's part, asserted always). It then installs or uninstalls the module as the asking node did; how long that
     * takes is the machine's, and on a loaded one the two installations differ by seconds. So the change must be in
     * place on the following node within 2 s of the asking node's answer plus however much longer the following node's
     * own installation took than the asking node's whole answer (read off its log). When the asking node itself needed
     * more than {@link #STARVED_MS}, the machine is starved (two CI runs beside this test: 35 to 57 s per installation
     * were seen) and that second figure is printed as NOT CHECKED.
     */
    private static void assertConverged(String what, long lagMs, long askingNodeMs, String node, Followed trace) {
        assertTrue(what + ": " + node + " read the decision " + trace.readMs() + " ms after the request, more than " + CONVERGENCE_GOAL_MS + " ms",
                trace.readMs() <= CONVERGENCE_GOAL_MS);
        if (askingNodeMs > STARVED_MS) {
            System.out.println("TwoNodeIT: NOT CHECKED against the " + CONVERGENCE_GOAL_MS + " ms goal (the asking node's own change took " + askingNodeMs
                    + " ms > " + STARVED_MS + " ms: a starved machine): " + what + " after " + lagMs + " ms; " + node + " " + trace);
            return;
        }
        long slowerInstall = Math.max(0, trace.appliedMs() - trace.readMs() - askingNodeMs);
        assertTrue(what + " " + lagMs + " ms after the asking node's answer: more than " + CONVERGENCE_GOAL_MS + " ms + " + slowerInstall
                + " ms its own installation took longer than the asking node's answer; " + node + " " + trace, lagMs <= CONVERGENCE_GOAL_MS + slowerInstall);
    }

    // ------------------------------------------------------------------ 2 and 3. tills on both nodes, a node killed

    /** What a till client saw of one reference: its definitive answer (200 or a refusal) and the node that gave it. */
    private record Answer(int status, long points, String node) {
    }

    @Test
    public void b_tillsOnBothNodesKeepEveryBalanceEqualToItsLedgerWhileTheLeaseHolderIsKilled() throws Exception {
        // the module enabled through node A: A's scheduled jobs start first and take the leases
        String module = "modules/membership-points";
        if (!"ACTIVE".equals(state(a, module))) {
            a.admin.call("POST", module + "/enable", "").expect(200);
        }
        await("membership-points serving on node B", () -> status(b, "members?limit=1"), s -> s == 200);
        store = a.admin.createAccount("两节点门店 " + Long.toString(System.nanoTime() % 100_000, 36), "STORE", null);
        for (int i = 0; i < MEMBERS; i++) {
            Node enrolOn = i % 2 == 0 ? a : b;
            String body = CrmRestClient.json("name", "两节点会员 " + i, "mobile", "139" + String.format("%08d", (System.nanoTime() / 1000 + i) % 100_000_000),
                    "joinStoreAccountId", store, "cardKind", "MEMBER");
            members.add(enrolOn.admin.call("POST", "members", body).expect(201).id());
        }
        String holderBefore = await("the outbox lease taken", () -> leaseHolder(OUTBOX_LEASE), h -> h != null);
        Node victim = holderBefore.equals(a.leaseId()) ? a : b;
        Node survivor = victim == a ? b : a;
        assertEquals("the lease is held by a node of this test", holderBefore, victim.leaseId());
        System.out.println("TwoNodeIT: the outbox lease is held by " + victim + " (" + holderBefore + "); it is the node killed");

        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        Map<String, Answer> answers = new ConcurrentHashMap<>();
        Map<String, Long> memberOf = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failovers = new AtomicInteger();
        AtomicInteger survivorErrors = new AtomicInteger();
        AtomicInteger resends = new AtomicInteger();
        AtomicInteger badResends = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong();
        AtomicLong firstFailoverOk = new AtomicLong();
        AtomicInteger servedBySurvivorAfterKill = new AtomicInteger();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        int total = CLIENTS * REQUESTS_PER_CLIENT;
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(client * 7919L + 17);
                Node target = client % 2 == 0 ? a : b;
                go.await();
                for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                    long member = members.get(random.nextInt(members.size()));
                    boolean earn = random.nextInt(3) < 2;
                    String reference = "TN-" + run + "-" + client + "-" + i;
                    memberOf.put(reference, member);
                    String path = "members/" + member + "/points/" + (earn ? "earn" : "redeem");
                    String body = earn ? CrmRestClient.json("reference", reference, "amount", 1 + random.nextInt(200), "storeAccountId", store)
                            : CrmRestClient.json("reference", reference, "points", 1 + random.nextInt(150), "storeAccountId", store);
                    CrmRestClient.Reply reply = null;
                    boolean failedOver = false;
                    for (int attempt = 0; reply == null; attempt++) {
                        try {
                            reply = target.admin.send("POST", path, body, Duration.ofSeconds(90));
                            if (reply.status() >= 500) {
                                throw new IOException("HTTP " + reply.status() + ": " + reply.body());
                            }
                        } catch (IOException e) {
                            reply = null;
                            if (target == victim && killedAt.get() != 0) {
                                // the till's node is gone: the same request, with the same reference, to the other node
                                target = survivor;
                                failedOver = true;
                                failovers.incrementAndGet();
                            } else {
                                survivorErrors.incrementAndGet();
                                samples.add(target.name + " " + path + ": " + e.getMessage());
                                if (attempt >= 3) {
                                    throw new AssertionError(target + " failed " + path + " " + reference + " four times; last: " + e, e);
                                }
                            }
                        }
                    }
                    JsonNode answer = reply.status() == 200 ? json(reply.body()) : null;
                    if (reply.status() == 200) {
                        answers.put(reference, new Answer(200, answer.get("points").asLong(), target.name));
                    } else if (!earn && reply.status() == 409 && reply.body().contains("insufficient_points")) {
                        answers.put(reference, new Answer(409, 0, target.name));
                    } else {
                        throw new AssertionError(target + " answered " + reply.status() + " to " + path + " " + reference + ": " + reply.body());
                    }
                    if (killedAt.get() != 0 && target == survivor) {
                        servedBySurvivorAfterKill.incrementAndGet();
                        if (failedOver && reply.status() == 200) {
                            firstFailoverOk.compareAndSet(0, System.nanoTime());
                        }
                    }
                    if (earn && reply.status() == 200 && i % RESEND_EVERY == 0) {
                        // a till that timed out sends the purchase again, to the other node: replayed, nothing applied twice
                        Node other = target == a ? b : a;
                        if (other != victim || killedAt.get() == 0) {
                            try {
                                CrmRestClient.Reply again = other.admin.send("POST", path, body, Duration.ofSeconds(90));
                                resends.incrementAndGet();
                                JsonNode replay = again.status() == 200 ? json(again.body()) : null;
                                if (replay == null || !replay.get("replayed").asBoolean() || replay.get("points").asLong() != answer.get("points").asLong()) {
                                    badResends.incrementAndGet();
                                    samples.add("resend of " + reference + " to " + other.name + ": " + again.status() + " " + again.body());
                                }
                            } catch (IOException e) {
                                if (other != victim) {
                                    badResends.incrementAndGet();
                                    samples.add("resend of " + reference + " to " + other.name + ": " + e.getMessage());
                                }
                            }
                        }
                    }
                    if (done.incrementAndGet() == total / 2) {
                        halfway.countDown();
                    }
                }
                return null;
            }));
        }
        // the lease's holder while both nodes live, seen every 50 ms: never anyone but the victim
        Set<String> holdersWhileBothLive = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            String h = leaseHolderRaw(OUTBOX_LEASE);
            if (killedAt.get() == 0) {
                holdersWhileBothLive.add(String.valueOf(h));
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        go.countDown();
        assertTrue("half of the till requests answered within " + PATIENCE, halfway.await(PATIENCE.toMinutes(), TimeUnit.MINUTES));
        long beforeKill = done.get();
        double beforeKillS = secs(t0);
        String holderAtKill = leaseHolderRaw(OUTBOX_LEASE);
        Instant killInstant = Instant.now();
        killedAt.set(System.nanoTime());
        victim.server.kill();
        sampler.shutdownNow();
        long killed = killedAt.get();
        System.out.printf("TwoNodeIT: %s killed (SIGKILL) after %d of %d till requests (%.1f s)%n", victim, beforeKill, total, beforeKillS);

        // the lease moves to the survivor once the victim's has run out, at the survivor's next tick
        String survivorId = survivor.leaseId();
        await("the outbox lease held by " + survivor, () -> leaseHolderRaw(OUTBOX_LEASE), h -> survivorId.equals(h));
        long leaseMoveMs = (System.nanoTime() - killed) / 1_000_000;
        System.out.println("TwoNodeIT: the outbox lease moved to " + survivor + " " + leaseMoveMs + " ms after the kill (lease "
                + OUTBOX_LEASE_TIME.toMillis() + " ms, period " + OUTBOX_PERIOD.toMillis() + " ms)");

        for (Future<?> f : clients) {
            f.get(PATIENCE.toMinutes() * 2, TimeUnit.MINUTES);
        }
        double runS = secs(t0);
        pool.shutdown();
        long applied = answers.values().stream().filter(x -> x.status() == 200).count();
        System.out.printf("TwoNodeIT: %d till requests by %d clients over both nodes in %.1f s (%.0f/s; %d applied, %d refused for want of points,"
                + " %d sent again to the other node); %d requests failed over from %s to %s, %d answered by %s after the kill%n", total, CLIENTS, runS,
                total / runS, applied, total - applied, resends.get(), failovers.get(), victim.name, survivor.name, servedBySurvivorAfterKill.get(),
                survivor.name);
        if (firstFailoverOk.get() != 0) {
            System.out.println("TwoNodeIT: first request failed over answered by " + survivor + " " + (firstFailoverOk.get() - killed) / 1_000_000
                    + " ms after the kill");
        }
        if (!samples.isEmpty()) {
            System.out.println("TwoNodeIT: errors: " + samples.subList(0, Math.min(10, samples.size())));
        }

        // one holder of the job while both nodes lived, and the survivor never ran it before the kill (its log)
        assertEquals("the outbox lease's holders while both nodes lived", Set.of(victim.leaseId()), holdersWhileBothLive);
        assertEquals("the outbox lease's holder at the kill", victim.leaseId(), holderAtKill);
        // on a quiet machine the tills may finish before the survivor's first outbox run with the lease: wait for that run
        List<Instant> survivorSends = await(survivor + " sending the outbox after the kill", () -> {
            try {
                return outboxSends(survivor);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, sends -> !sends.isEmpty());
        assertTrue(survivor + " sent outbox messages before the kill, while " + victim + " held the lease: first at " + survivorSends.get(0)
                + ", kill at " + killInstant, !survivorSends.get(0).isBefore(killInstant));
        System.out.println("TwoNodeIT: the outbox job ran on " + victim.name + " only while both nodes lived (" + holdersWhileBothLive.size()
                + " holder seen), on " + survivor.name + " from " + Duration.between(killInstant, survivorSends.get(0)).toMillis()
                + " ms after the kill");

        // every answer definitive, the survivor never failed, replays answered as such
        assertEquals("every till request answered (200, or 409 for want of points)", total, answers.size());
        assertEquals("errors of the surviving node " + survivor + ": " + samples, 0, survivorErrors.get());
        assertEquals("requests sent again answered as replays with the same points: " + samples, 0, badResends.get());
        assertTrue(survivor + " served after the kill", servedBySurvivorAfterKill.get() > 0);
        assertTrue("the lease moved within the lease time and one period of the job (+2 s of scheduling under load): " + leaseMoveMs + " ms",
                leaseMoveMs <= OUTBOX_LEASE_TIME.plus(OUTBOX_PERIOD).toMillis() + 2000);

        // in the database: each reference once, balances = ledgers = what the tills were told
        Map<String, Integer> inLedger = new HashMap<>();
        Map<Long, Long> ledgerSum = new HashMap<>();
        Map<Long, Long> balance = new HashMap<>();
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.REFERENCE, COUNT(p.ID) FROM MP_TXN t JOIN MP_POINTS p ON p.TXNID = t.ID"
                    + " WHERE t.REFERENCE LIKE ? GROUP BY t.REFERENCE")) {
                ps.setString(1, "TN-" + run + "-%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inLedger.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            for (long m : members) {
                try (PreparedStatement ps = c.prepareStatement("SELECT m.POINTSBALANCE, (SELECT COALESCE(SUM(p.POINTS), 0) FROM MP_POINTS p WHERE p.MEMBERID = m.ID)"
                        + " FROM MP_MEMBER m WHERE m.ID = ?")) {
                    ps.setLong(1, m);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        balance.put(m, rs.getLong(1));
                        ledgerSum.put(m, rs.getLong(2));
                    }
                }
            }
        }
        Map<Long, Long> told = new HashMap<>();
        for (Map.Entry<String, Answer> e : answers.entrySet()) {
            int n = inLedger.getOrDefault(e.getKey(), 0);
            if (e.getValue().status() == 200) {
                assertEquals("reference " + e.getKey() + " answered 200 by " + e.getValue().node() + ": in the ledger once", 1, n);
                told.merge(memberOf.get(e.getKey()), e.getValue().points(), Long::sum);
            } else {
                assertEquals("reference " + e.getKey() + " refused: not in the ledger", 0, n);
            }
        }
        for (Map.Entry<String, Integer> e : inLedger.entrySet()) {
            assertEquals("reference " + e.getKey() + " applied once", 1, e.getValue().intValue());
            assertTrue("reference " + e.getKey() + " in the ledger was answered to a till", answers.containsKey(e.getKey()));
        }
        for (long m : members) {
            assertEquals("member " + m + ": balance = sum of its ledger (database)", ledgerSum.get(m), balance.get(m));
            assertEquals("member " + m + ": balance = what the tills were told was applied", told.getOrDefault(m, 0L), balance.get(m));
            // and through the surviving node's REST
            JsonNode member = json(survivor.admin.call("GET", "members/" + m, null).expect(200).body());
            assertEquals("member " + m + ": balance served by " + survivor, balance.get(m).longValue(), member.get("pointsBalance").asLong());
        }
        System.out.println("TwoNodeIT: " + inLedger.size() + " references in the ledger, each once; " + MEMBERS + " balances equal to their ledgers and to what the tills were told");
    }

    // ------------------------------------------------------------------ 4. a job once across the nodes

    @Test
    public void c_theOutboxSendsEveryMessageOnceAcrossTheNodes() throws Exception {
        assertTrue("the till test ran first", !members.isEmpty());
        // the survivor delivers every message the tills caused, except those the killed node had claimed and not marked
        // (sent again when the claim runs out: at least once, never lost)
        String in = members.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElseThrow();
        long[] counts = await("the notification outbox delivered", () -> outbox(in), c -> c[0] > 0 && c[1] == 0);
        System.out.println("TwoNodeIT: outbox of the tills' members: " + counts[0] + " messages sent, " + counts[2]
                + " still claimed by the killed node, " + counts[3] + " sent more than once");
        assertEquals("messages sent more than once", 0, counts[3]);
    }

    /** [sent, pending and unclaimed, pending and claimed, attempted more than once] among the members' messages. */
    // ------------------------------------------------------------------ 5. prefix searches use their index

    /**
     * PostgreSQL turns {@code LIKE 'abc%'} into a B-tree range only under the C collation (docs/operations.md section 1);
     * under C.UTF-8 a contact search read the whole index (143 ms at 200,000 contacts). With table scans ruled out, the
     * plan of a name-prefix search must bound the index by the prefix (an Index Cond on NAMEKEY), not filter all of it.
     */
    @Test
    public void d_aPrefixSearchIsAnIndexRangeOnPostgresql() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
                assertTrue(rs.next());
                assertEquals("the test database's collation", "C", rs.getString(1));
            }
            st.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN SELECT ID FROM CRM_CONTACT WHERE NAMEKEY LIKE '王%' ORDER BY NAMEKEY, ID")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue("a range on the name index:\n" + plan, plan.toString().matches("(?s).*Index Cond: \\(\\(namekey >= .*"));
        }
        // the nodes' DataSources are configured as docs/operations.md asks, and the start's check reads that right
        for (Node n : List.of(a, b)) {
            String log = Files.readString(n.server.home().resolve("data/log/karaf.log"));
            assertTrue(n + " reports its driver sending multi-row INSERTs", log.contains("batched inserts sent as multi-row INSERTs"));
            assertFalse(n + " warns of nothing slow in its PostgreSQL settings", log.contains("row by row") || log.contains("not C: on PostgreSQL"));
        }
    }

    private static long[] outbox(String memberIds) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT"
                + " SUM(CASE WHEN STATUS = 'SENT' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN STATUS = 'PENDING' AND CLAIMEDBY IS NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN STATUS = 'PENDING' AND CLAIMEDBY IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN ATTEMPTS > 1 THEN 1 ELSE 0 END)"
                + " FROM MP_OUTBOX WHERE MEMBERID IN (" + memberIds + ")"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) };
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * What a node's log says of following the cluster's module set for sample-notes after {@code since}: when its poll
     * read the decision ("was enabled on another node") and when it had applied it, in ms after {@code since}.
     */
    /** When a following node read a module decision and when it had applied it, in ms after the request (-1: not logged). */
    private record Followed(long readMs, long appliedMs, String change) {
        boolean complete() {
            return readMs >= 0 && appliedMs >= 0;
        }

        @Override
        public String toString() {
            return "read the decision " + (readMs < 0 ? "(not logged)" : readMs + " ms") + " and had " + change + " the module "
                    + (appliedMs < 0 ? "(not logged)" : appliedMs + " ms") + " after the request";
        }
    }

    private static Followed followed(Node n, String change, Instant since) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");
        long read = -1;
        long applied = -1;
        try {
            for (String line : Files.readAllLines(n.server.home().resolve("data/log/karaf.log"))) {
                if (line.length() < 23 || !line.contains("Module sample-notes")) {
                    continue;
                }
                Instant at = LocalDateTime.parse(line.substring(0, 23), format).atZone(ZoneId.systemDefault()).toInstant();
                if (at.isBefore(since)) {
                    continue;
                }
                long ms = Duration.between(since, at).toMillis();
                if (line.contains("was " + change + " on another node")) {
                    read = ms;
                } else if (line.contains(change + " by system")) {
                    applied = ms;
                }
            }
        } catch (IOException | DateTimeException e) {
            throw new AssertionError(n + "'s log not read", e);
        }
        return new Followed(read, applied, change);
    }

    /** When a node handed outbox messages to the (logging) sender, from its karaf.log, in order. */
    private static List<Instant> outboxSends(Node n) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");
        List<Instant> sends = new ArrayList<>();
        for (String line : Files.readAllLines(n.server.home().resolve("data/log/karaf.log"))) {
            if (line.contains("| LoggingNotificationSender ") && line.length() > 23) {
                sends.add(LocalDateTime.parse(line.substring(0, 23), format).atZone(ZoneId.systemDefault()).toInstant());
            }
        }
        return sends;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    /** The lease's holder as the table says, expired or not (null when there is no row). */
    private static String leaseHolderRaw(String job) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT HOLDER FROM CRM_JOBLEASE WHERE NAME = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // the table is made with the first lease
        }
    }

    /** The lease's holder while it has not expired, or null. */
    private static String leaseHolder(String job) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT HOLDER FROM CRM_JOBLEASE WHERE NAME = ? AND EXPIRESAT > ?")) {
            ps.setString(1, job);
            ps.setLong(2, System.currentTimeMillis());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    private static String state(Node n, String module) {
        return json(n.admin.call("GET", module, null).expect(200).body()).get("state").asText();
    }

    /** The HTTP status of GET /api/v1/{path} on a node as the admin user (-1 when it does not answer). */
    private static int status(Node n, String path) {
        try {
            return n.admin.send("GET", path, null, Duration.ofSeconds(30)).status();
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@link #status}, asked again while the node does not answer at all (a starved machine: no answer within 30 s). */
    private static int answered(Node n, String path) {
        return await(n + " answering GET " + path, () -> status(n, path), s -> s != -1);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /**
     * Asks {@code probe} until its answer satisfies {@code done}; fails after {@link #PATIENCE} naming the last answer.
     * The other processes post no event this JVM could wait on; the pause between asks is 20 ms, so that a measured
     * time is not rounded up by the polling.
     */
    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T answer = probe.get();
            if (done.test(answer)) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                fail(what + " did not happen within " + PATIENCE + "; last: " + (answer instanceof long[] l ? Arrays.toString(l) : answer));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static {
        // the test's own JDBC checks (the nodes have the driver in their features)
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
