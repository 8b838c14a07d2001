import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Membership and points benchmark: earn/redeem throughput with 64 concurrent till clients against the assembled Karaf
 * distribution (embedded Derby), then a check of every member's balance against its ledger.
 *
 * <p>Single-file program ({@code java MembershipBenchmark.java}, only the JDK), started by {@code run.sh --membership}
 * on an unpacked distribution in {@code target/opencrm-membership} (ports 18681/18601/11599/44944). Steps: start
 * Karaf, enable membership-points over REST, create a store account, enrol the members over REST (8 clients in
 * parallel), warm up, measure (64 clients, 70 % earn / 30 % redeem, ~2 % of the requests sent twice at once with the
 * same reference), and verify through REST: balance = sum of the ledger, nothing negative, each reference in the
 * ledger once, balance = what the clients saw applied. If the default configuration misses the goal, the same is
 * measured again with {@code timelineForTransactions=false} ({@code etc/org.opencrm.membership.cfg}). With
 * {@code --till 4:64,3:128} each listed group commit setting ({@code tillCommitters:tillBatchSize}) is measured too, in
 * the same run, after the default phase (then the settings go back to their defaults).
 *
 * <p>With {@code --postgresql} the distribution runs on a throw-away PostgreSQL cluster ({@code PgCluster}, compiled
 * onto the class path by run.sh) instead of Derby; with {@code --nodes 2} also a second Karaf node
 * ({@code target/opencrm-membership-node2}, every port + 10) on the same database, started once the first is ready,
 * and client i sends its requests to node i % 2 (the second copy of a duplicate pair to the other node).
 */
public class MembershipBenchmark {
    static final double GOAL_TPS = 1000.0;

    Path home;
    Path dist;
    int port = 18681;
    int sshPort = 18601;
    int rmiRegistry = 11599;
    int rmiServer = 44944;
    String password;
    int members = 2000;
    int clients = 64;
    int durationS = 60;
    int warmupS = 20;
    /** The longest warm-up waiting for the JIT to settle. */
    int maxWarmupS = 240;
    String warmup = "";
    int dupPercentX10 = 20; // 2.0 %
    boolean quick;
    String lever = "auto"; // auto | always | never
    /** --till: group commit settings (committers, batch size) measured beside the default. */
    final List<int[]> tillSettings = new ArrayList<>();
    Path results = Path.of("distribution/benchmarks/RESULTS-membership.md");
    Path pidFile;
    String javaMaxMem = "2g";
    boolean postgresql;
    int nodes = 1;
    /** Added to every port of the benchmark's Karaf nodes (run.sh --port-offset), to keep clear of other instances. */
    int portOffset;
    /** The second node's ports are the first node's plus this. */
    static final int NODE2_OFFSET = 10;
    static final String DATABASE = "crm_bench";
    PgCluster pg;
    String pgVersion = "PostgreSQL";
    Path home2;
    /** HTTP port of each node (index 0 = node 1). */
    int[] ports;

    HttpClient http;
    String auth;
    Process karaf;
    Process karaf2;
    int launches;
    long launchedAt;
    long store;
    long[] memberIds;
    AtomicLongArray knownBalance;  // last balance a client saw (used to pick redeem amounts)
    AtomicLongArray expected;      // sum of the applied deltas the clients saw (replayed answers not counted)
    final Set<String> uncertain = ConcurrentHashMap.newKeySet(); // reference -> outcome unknown (I/O error, 5xx)
    final Map<String, Integer> uncertainMember = new ConcurrentHashMap<>();
    final Set<String> dupRefs = ConcurrentHashMap.newKeySet();
    final AtomicInteger refSeq = new AtomicInteger();

    final Map<String, String> setup = new LinkedHashMap<>();
    final List<Phase> phases = new ArrayList<>();
    final List<String> verdict = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    boolean balancesOk;

    public static void main(String[] args) throws Exception {
        MembershipBenchmark b = new MembershipBenchmark();
        b.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(b::killKaraf));
        try {
            b.run();
        } catch (Exception e) {
            e.printStackTrace();
            System.err.println("BENCHMARK ABORTED: " + e);
            b.killKaraf();
            b.notes.add(0, "**RUN ABORTED**: " + e.getMessage());
            try {
                b.writeReport();
            } catch (Exception ignored) {
                // the console has the reason
            }
            System.exit(1);
        }
    }

    void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--home" -> { home = Path.of(v).toAbsolutePath(); i++; }
                case "--port" -> { port = Integer.parseInt(v); i++; }
                case "--dist" -> { dist = Path.of(v).toAbsolutePath(); i++; }
                case "--password" -> { password = v; i++; }
                case "--quick" -> { quick = true; members = 200; durationS = 20; warmupS = 10; maxWarmupS = 40; }
                case "--members", "--count" -> { members = Integer.parseInt(v.replace(",", "").replace("_", "")); i++; }
                case "--clients" -> { clients = Integer.parseInt(v); i++; }
                case "--duration-s" -> { durationS = Integer.parseInt(v); i++; }
                case "--warmup-s" -> { warmupS = Integer.parseInt(v); i++; }
                case "--lever" -> { lever = v; i++; }
                case "--till" -> {
                    for (String setting : v.split(",")) {
                        String[] cb = setting.strip().split(":");
                        tillSettings.add(new int[] { Integer.parseInt(cb[0]), Integer.parseInt(cb[1]) });
                    }
                    i++;
                }
                case "--results" -> { results = Path.of(v); i++; }
                case "--pid-file" -> { pidFile = Path.of(v); i++; }
                case "--java-max-mem" -> { javaMaxMem = v; i++; }
                case "--postgresql" -> postgresql = true;
                case "--nodes" -> { nodes = Integer.parseInt(v); i++; }
                case "--port-offset" -> { portOffset = Integer.parseInt(v); i++; }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--home DIR (the unpacked distribution) is required");
        }
        if (nodes != 1 && nodes != 2) {
            throw new IllegalArgumentException("--nodes 1 or 2, not " + nodes);
        }
        if (nodes == 2 && !postgresql) {
            throw new IllegalArgumentException("--nodes 2 needs --postgresql (the nodes share one database; embedded Derby cannot be shared)");
        }
        port += portOffset;
        sshPort += portOffset;
        rmiRegistry += portOffset;
        rmiServer += portOffset;
        ports = nodes == 2 ? new int[] { port, port + NODE2_OFFSET } : new int[] { port };
        home2 = home.resolveSibling(home.getFileName() + "-node2");
    }

    /** Fresh unpack into {@code home}, own ports, the admin password in {@code etc/system.properties}. */
    void unpack() throws Exception {
        if (password == null) {
            password = "bench-" + System.currentTimeMillis() + "-Pw";
        }
        if (dist == null) {
            if (postgresql) {
                throw new IllegalArgumentException("--postgresql needs --dist: the benchmark unpacks and configures the nodes itself");
            }
            return; // an unpacked distribution given with --home and --password
        }
        if (Files.exists(home)) {
            try (Stream<Path> s = Files.walk(home)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "xzf", dist.toString(), "-C", home.toString(), "--strip-components=1").inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("could not unpack " + dist);
        }
        Path etc = home.resolve("etc");
        replace(etc.resolve("org.ops4j.pax.web.cfg"), "(?m)^org.osgi.service.http.port *=.*$", "org.osgi.service.http.port = " + port);
        replace(etc.resolve("org.apache.karaf.shell.cfg"), "(?m)^sshPort *=.*$", "sshPort = " + sshPort);
        Path mgmt = etc.resolve("org.apache.karaf.management.cfg");
        if (Files.exists(mgmt)) {
            replace(mgmt, "(?m)^rmiRegistryPort *=.*$", "rmiRegistryPort = " + rmiRegistry);
            replace(mgmt, "(?m)^rmiServerPort *=.*$", "rmiServerPort = " + rmiServer);
        } else {
            Files.writeString(mgmt, "rmiRegistryPort = " + rmiRegistry + "\nrmiServerPort = " + rmiServer + "\n");
        }
        Files.writeString(etc.resolve("system.properties"), "\ncrm.admin.password=" + password + "\n", java.nio.file.StandardOpenOption.APPEND);
        if (!Files.readString(etc.resolve("org.ops4j.pax.web.cfg")).contains("port = " + port)) {
            throw new IllegalStateException("could not set the HTTP port in org.ops4j.pax.web.cfg");
        }
        if (postgresql) {
            long t0 = System.nanoTime();
            pg = PgCluster.start(home.resolveSibling("postgresql-membership"));
            pg.createDatabase(DATABASE);
            pg.configure(home, DATABASE);
            pgVersion = pg.version();
            log(String.format("%s on port %d, database %s (%.1f s)", pgVersion, pg.port(), DATABASE, secs(t0)));
        }
        if (nodes == 2) {
            PgCluster.copyNode(home, home2, NODE2_OFFSET, "membership-node-1", "membership-node-2");
        }
    }

    static void replace(Path file, String regex, String replacement) throws IOException {
        Files.writeString(file, Files.readString(file).replaceAll(regex, replacement));
    }

    void run() throws Exception {
        unpack();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        log("distribution: " + home + ", HTTP " + port + ", " + members + " members, " + clients + " clients, " + durationS + " s");
        setup.put("Cold start to first authenticated 200 (`GET /api/v1/contacts?limit=1`)", String.format("%.1f s", startKaraf(240)));
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(req("/api/v1/modules/membership-points/enable").timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("enabling membership-points answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        setup.put("Enable the module (`POST /api/v1/modules/membership-points/enable`)", String.format("%.1f s", secs(t0)));
        if (nodes == 2) {
            // the module is enabled through node 1: node 2 finds that in the database when it boots
            setup.put("Node 2 (`" + home2.getFileName() + "`): start, once node 1 is ready, until it serves `GET /api/v1/members?limit=1`",
                    String.format("%.1f s", startSecondNode(240)));
        }
        store = jsonLong(post("/api/v1/accounts", "{\"name\":\"会员基准门店\",\"type\":\"STORE\",\"region\":\"华东\"}"), "id");
        enrol();
        knownBalance = new AtomicLongArray(members);
        expected = new AtomicLongArray(members);

        String config = "default configuration (`timelineForTransactions = true`)";
        warmUp();
        Phase p1 = measure(config, clients, durationS);
        phases.add(p1);
        for (int[] t : tillSettings) {
            configure("tillCommitters", Integer.toString(t[0]));
            configure("tillBatchSize", Integer.toString(t[1]));
            Thread.sleep(6000);
            measure("warm-up till " + t[0] + ":" + t[1], clients, 10);
            phases.add(measure("default, `tillCommitters = " + t[0] + "`, `tillBatchSize = " + t[1] + "`", clients, durationS));
        }
        if (!tillSettings.isEmpty()) {
            configure("tillCommitters", null);
            configure("tillBatchSize", null);
        }
        boolean useLever = lever.equals("always") || (lever.equals("auto") && p1.txPerS() < GOAL_TPS);
        if (useLever) {
            configure("timelineForTransactions", "false");
            Thread.sleep(6000);
            measure("warm-up 2", clients, 10);
            phases.add(measure("`timelineForTransactions = false` in `etc/org.opencrm.membership.cfg` (else default)", clients, durationS));
        }
        verify();
        stopKaraf();
        if (pg != null) {
            setup.put("PostgreSQL database `" + DATABASE + "` after the run (`pg_database_size`)", String.format("%,d MB", pg.databaseBytes(DATABASE) / (1024 * 1024)));
            pg.close();
            log("PostgreSQL cluster stopped and deleted");
        }
        writeReport();
    }

    /**
     * Sets {@code key = value} (or removes the key, value null) in every node's etc/org.opencrm.membership.cfg; Karaf's
     * file watcher gives it to Config Admin within a few seconds (the caller waits).
     */
    void configure(String key, String value) throws IOException {
        for (Path h : nodes == 2 ? List.of(home, home2) : List.of(home)) {
            Path cfg = h.resolve("etc/org.opencrm.membership.cfg");
            String existing = Files.exists(cfg) ? Files.readString(cfg) : "";
            String kept = existing.replaceAll("(?m)^" + key + "\\b.*\\R?", "");
            Files.writeString(cfg, value == null ? kept : kept + (kept.isEmpty() || kept.endsWith("\n") ? "" : "\n") + key + " = " + value + "\n");
            log((value == null ? "removed " + key : "wrote " + key + " = " + value) + " in " + cfg + "; waiting for Config Admin to deliver it");
        }
    }

    // ------------------------------------------------------------------ set-up

    void enrol() throws Exception {
        memberIds = new long[members];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int start = w;
            fs.add(pool.submit(() -> {
                for (int i = start; i < members; i += 8) {
                    String mobile = "198" + String.format("%08d", i);
                    String body = "{\"name\":\"基准会员 " + i + "\",\"mobile\":\"" + mobile + "\",\"joinStoreAccountId\":" + store + ",\"cardKind\":\"COMBINED\",\"discountPercent\":95}";
                    memberIds[i] = jsonLong(post(start % nodes, "/api/v1/members", body), "id");
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        double s = secs(t0);
        setup.put("Members enrolled (`POST /api/v1/members`, 8 clients" + (nodes == 2 ? ", half on each node" : "") + ", each a new contact with a COMBINED card)",
                String.format("%,d in %.1f s (%.0f/s)", members, s, members / s));
        log(String.format("enrolled %,d members in %.1f s", members, s));
    }

    // ------------------------------------------------------------------ measurement

    static final class Phase {
        final String name;
        final int clients;
        double seconds;
        long earnApplied, redeemApplied, refused409, replayed, dupPairs, dupBad, errors, requests;
        long[] lat = new long[0];
        /** Requests answered per node (index 0 = node 1): shows the split over two nodes. */
        final long[] perNode = new long[2];
        final List<String> errorSamples = new ArrayList<>();
        double karafCpu, benchCpu, otherCpu, pgCpu;
        /** CPU of Karaf's JIT compiler threads, in cores (1.0 = one core busy compiling all the time). */
        double jitCores;

        Phase(String name, int clients) {
            this.name = name;
            this.clients = clients;
        }

        /** Till transactions that did the full work: applied earns and redeems plus correctly refused redeems (409). */
        double txPerS() {
            return (earnApplied + redeemApplied + refused409) / seconds;
        }

        double answeredPerS() {
            return (requests - errors) / seconds;
        }

        synchronized void add(Worker w) {
            earnApplied += w.earn;
            redeemApplied += w.redeem;
            refused409 += w.refused;
            replayed += w.replayed;
            dupPairs += w.dupPairs;
            dupBad += w.dupBad;
            errors += w.errors;
            requests += w.requests;
            perNode[w.node] += w.requests;
            long[] merged = Arrays.copyOf(lat, lat.length + w.nLat);
            System.arraycopy(w.lat, 0, merged, lat.length, w.nLat);
            lat = merged;
            for (String s : w.errorSamples) {
                if (errorSamples.size() < 5) {
                    errorSamples.add(s);
                }
            }
        }
    }

    final class Worker implements Runnable {
        final SplittableRandom rnd;
        final CountDownLatch start;
        final long endAt;
        /** The node this till talks to (index into ports). */
        final int node;
        long earn, redeem, refused, replayed, dupPairs, dupBad, errors, requests;
        long[] lat = new long[1 << 14];
        int nLat;
        final List<String> errorSamples = new ArrayList<>();

        Worker(long seed, CountDownLatch start, long endAt, int node) {
            this.rnd = new SplittableRandom(seed);
            this.start = start;
            this.endAt = endAt;
            this.node = node;
        }

        @Override
        public void run() {
            try {
                start.await();
            } catch (InterruptedException e) {
                return;
            }
            while (System.nanoTime() < endAt) {
                int m = rnd.nextInt(members);
                String ref = "B" + Long.toString(System.currentTimeMillis(), 36) + "-" + refSeq.incrementAndGet();
                boolean isEarn = rnd.nextInt(100) < 70;
                String path;
                String body;
                if (isEarn) {
                    long fen = 1000 + rnd.nextLong(49000); // 10.00 .. 499.99 CNY
                    path = "/api/v1/members/" + memberIds[m] + "/points/earn";
                    body = String.format("{\"reference\":\"%s\",\"amount\":%d.%02d,\"storeAccountId\":%d}", ref, fen / 100, fen % 100, store);
                } else {
                    long bal = knownBalance.get(m);
                    // mostly within the balance; ~10 % of the draws above it, answered 409 insufficient_points
                    long pts = 1 + rnd.nextLong(Math.max(1, bal + bal / 10 + 1));
                    path = "/api/v1/members/" + memberIds[m] + "/points/redeem";
                    body = String.format("{\"reference\":\"%s\",\"points\":%d,\"storeAccountId\":%d}", ref, pts, store);
                }
                HttpRequest request = req(node, path).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                boolean dup = rnd.nextInt(1000) < dupPercentX10;
                if (!dup) {
                    long t0 = System.nanoTime();
                    Outcome o = call(request);
                    record(System.nanoTime() - t0);
                    account(o, m, ref, isEarn);
                } else {
                    // the same reference twice at once: exactly one may be applied, the other must answer the same result
                    dupRefs.add(ref);
                    dupPairs++;
                    long t0 = System.nanoTime();
                    // with two nodes the second copy goes to the other node: the reference must be applied once across the cluster
                    HttpRequest twin = nodes == 1 ? request : req((node + 1) % nodes, path).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    CompletableFuture<Outcome> b = http.sendAsync(twin, HttpResponse.BodyHandlers.ofString())
                            .handle((resp, ex) -> ex != null ? new Outcome(-1, ex.toString()) : new Outcome(resp.statusCode(), resp.body()));
                    Outcome oa = call(request);
                    record(System.nanoTime() - t0);
                    Outcome ob = b.join();
                    record(System.nanoTime() - t0);
                    account(oa, m, ref, isEarn);
                    account(ob, m, ref, isEarn);
                    if (oa.status == 200 && ob.status == 200) {
                        boolean ra = replayed(oa.body);
                        boolean rb = replayed(ob.body);
                        if (ra == rb || jsonLong(oa.body, "pointsBalance") != jsonLong(ob.body, "pointsBalance")
                                || jsonLong(oa.body, "points") != jsonLong(ob.body, "points")) {
                            dupBad++;
                            sample("duplicate pair not answered once applied + once replayed with the same result: " + abbreviate(oa.body) + " / "
                                    + abbreviate(ob.body));
                        }
                    } else if (oa.status != ob.status && oa.status > 0 && ob.status > 0 && !(oa.status + ob.status == 609 && !isEarn)) {
                        // (409 then 200 is legitimate for a redemption: a refusal writes nothing, and an earn may have come in between)
                        dupBad++;
                        sample("duplicate pair answered " + oa.status + " and " + ob.status + ": " + abbreviate(oa.body) + " / " + abbreviate(ob.body));
                    }
                }
            }
        }

        void record(long nanos) {
            if (nLat == lat.length) {
                lat = Arrays.copyOf(lat, nLat * 2);
            }
            lat[nLat++] = nanos;
        }

        void account(Outcome o, int m, String ref, boolean isEarn) {
            requests++;
            if (o.status == 200) {
                long balance = jsonLong(o.body, "pointsBalance");
                knownBalance.set(m, balance);
                if (replayed(o.body)) {
                    replayed++;
                } else {
                    expected.addAndGet(m, jsonLong(o.body, "points"));
                    if (isEarn) {
                        earn++;
                    } else {
                        redeem++;
                    }
                }
            } else if (o.status == 409 && !isEarn && o.body.contains("insufficient_points")) {
                refused++;
                Matcher mm = Pattern.compile("\"pointsBalance\"\\s*:\\s*(\\d+)").matcher(o.body);
                if (mm.find()) {
                    knownBalance.set(m, Long.parseLong(mm.group(1)));
                }
            } else {
                errors++;
                sample((isEarn ? "earn " : "redeem ") + o.status + ": " + abbreviate(o.body));
                if (o.status < 0 || o.status >= 500) {
                    uncertain.add(ref); // may have been applied: looked up by reference in the check
                    uncertainMember.put(ref, m);
                }
            }
        }

        void sample(String s) {
            if (errorSamples.size() < 5) {
                errorSamples.add(s);
            }
        }
    }

    record Outcome(int status, String body) {
    }

    Outcome call(HttpRequest r) {
        try {
            HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Outcome(resp.statusCode(), resp.body());
        } catch (Exception e) {
            return new Outcome(-1, e.toString());
        }
    }

    Phase measure(String name, int n, int seconds) throws Exception {
        log("phase: " + name + ", " + n + " clients, " + seconds + " s");
        Phase p = new Phase(name, n);
        CountDownLatch start = new CountDownLatch(1);
        long t0 = System.nanoTime();
        long endAt = t0 + TimeUnit.SECONDS.toNanos(seconds);
        List<Worker> ws = new ArrayList<>();
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Worker w = new Worker(name.hashCode() * 7919L + i, start, endAt, i % nodes);
            ws.add(w);
            Thread t = new Thread(w, "client-" + i);
            ts.add(t);
            t.start();
        }
        long[] c0 = cpu();
        long jit0 = jitTicks();
        long began = System.nanoTime();
        start.countDown();
        for (Thread t : ts) {
            t.join();
        }
        p.seconds = secs(began);
        long[] c1 = cpu();
        p.jitCores = (jitTicks() - jit0) / 100.0 / p.seconds;
        for (Worker w : ws) {
            p.add(w);
        }
        Arrays.sort(p.lat);
        if (c0 != null && c1 != null && c1[0] > c0[0]) {
            double total = c1[0] - c0[0];
            p.karafCpu = 100 * (c1[2] - c0[2]) / total;
            p.benchCpu = 100 * (c1[3] - c0[3]) / total;
            p.pgCpu = 100 * (c1[4] - c0[4]) / total;
            p.otherCpu = Math.max(0, 100 * ((c1[1] - c0[1]) - (c1[2] - c0[2]) - (c1[3] - c0[3]) - (c1[4] - c0[4])) / total);
        }
        log(String.format("  %.0f tx/s (applied earn %d, redeem %d, refused %d, replayed %d, errors %d), p50 %.1f ms, p99 %.1f ms%s", p.txPerS(),
                p.earnApplied, p.redeemApplied, p.refused409, p.replayed, p.errors, pct(p.lat, 50), pct(p.lat, 99),
                nodes == 2 ? String.format(", requests by the clients of node 1 / node 2: %d / %d", p.perNode[0], p.perNode[1]) : ""));
        return p;
    }

    // ------------------------------------------------------------------ the check

    static final Pattern ITEM = Pattern.compile("\\{[^{}]*\\}");
    static final Pattern REF = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern REPLAYED = Pattern.compile("\"replayed\"\\s*:\\s*true");

    static boolean replayed(String body) {
        return REPLAYED.matcher(body).find();
    }

    void verify() throws Exception {
        log("checking balances against ledgers for " + members + " members");
        long t0 = System.nanoTime();
        // outcomes the clients could not see: ask by reference
        int uncertainApplied = 0;
        for (String ref : uncertain) {
            HttpResponse<String> r = send(req("/api/v1/members/transactions/" + ref).GET().build());
            if (r.statusCode() == 200) {
                uncertainApplied++;
                expected.addAndGet(uncertainMember.get(ref), jsonLong(r.body(), "points"));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<long[]>> fs = new ArrayList<>();
        Map<String, Integer> refCount = new ConcurrentHashMap<>();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < members; i++) {
            int m = i;
            fs.add(pool.submit(() -> {
                long id = memberIds[m];
                String member = get("/api/v1/members/" + id);
                long balance = jsonLong(member, "pointsBalance");
                long sum = 0;
                long rows = 0;
                long negatives = 0;
                int offset = 0;
                while (true) {
                    String page = get("/api/v1/members/" + id + "/points/ledger?offset=" + offset + "&limit=500");
                    long total = jsonLong(page, "total");
                    Matcher e = ITEM.matcher(page.substring(page.indexOf('[')));
                    int n = 0;
                    while (e.find()) {
                        String item = e.group();
                        n++;
                        sum += jsonLong(item, "points");
                        if (jsonLong(item, "balanceAfter") < 0) {
                            negatives++;
                        }
                        Matcher ref = REF.matcher(item);
                        if (ref.find()) {
                            refCount.merge(ref.group(1), 1, Integer::sum);
                        }
                    }
                    rows += n;
                    offset += n;
                    if (n == 0 || offset >= total) {
                        if (rows != total) {
                            problems.add("member " + id + ": parsed " + rows + " ledger rows of " + total);
                        }
                        break;
                    }
                }
                if (balance != sum) {
                    problems.add("member " + id + ": balance " + balance + " != ledger sum " + sum);
                }
                if (balance != expected.get(m)) {
                    problems.add("member " + id + ": balance " + balance + " != sum of the applied answers the clients saw " + expected.get(m));
                }
                if (balance < 0) {
                    negatives++;
                }
                return new long[] { rows, negatives, balance };
            }));
        }
        long rows = 0, negatives = 0, balances = 0;
        for (Future<long[]> f : fs) {
            long[] x = f.get();
            rows += x[0];
            negatives += x[1];
            balances += x[2];
        }
        pool.shutdown();
        long refsTwice = refCount.values().stream().filter(c -> c > 1).count();
        long dupApplied = dupRefs.stream().filter(refCount::containsKey).count();
        long dupTwice = dupRefs.stream().filter(r -> refCount.getOrDefault(r, 0) > 1).count();
        long dupBad = phases.stream().mapToLong(p -> p.dupBad).sum();
        long clientErrors = phases.stream().mapToLong(p -> p.errors).sum();
        balancesOk = problems.isEmpty() && negatives == 0 && refsTwice == 0 && dupTwice == 0 && dupBad == 0;
        verdict.add(String.format("Members checked: %,d (all enrolled members, every one touched), ledger rows read: %,d, points outstanding: %,d",
                members, rows, balances));
        verdict.add(String.format("Balance = sum of its ledger, and = the sum of the applied answers the clients received: %s",
                problems.isEmpty() ? "yes for every member" : problems.size() + " mismatches, e.g. " + problems.subList(0, Math.min(5, problems.size()))));
        verdict.add(String.format("Negative balances (member or any ledger row's balanceAfter): %d", negatives));
        verdict.add(String.format("References in the ledgers more than once: %d (of %,d references)", refsTwice, refCount.size()));
        verdict.add(String.format("References sent twice at once: %,d; applied %,d (the others refused 409 twice), applied twice %d, pairs not answered "
                + "as one applied + one `replayed: true` with the same result: %d", dupRefs.size(), dupApplied, dupTwice, dupBad));
        verdict.add(String.format("Requests with an unexpected answer (all phases incl. warm-up not counted here): %d; outcomes unknown to the client, "
                + "looked up by reference: %d, of which applied: %d", clientErrors, uncertain.size(), uncertainApplied));
        verdict.add("**Verdict: " + (balancesOk ? "PASS" : "FAIL") + "**");
        log(String.format("check done in %.1f s: %s", secs(t0), balancesOk ? "PASS" : "FAIL " + problems));
    }

    // ------------------------------------------------------------------ Karaf lifecycle

    double startKaraf(int timeoutSeconds) throws Exception {
        launches++;
        Path console = home.getParent().resolve("karaf-membership-console-" + launches + ".log");
        launchedAt = System.nanoTime();
        karaf = launch(home, console);
        if (pidFile != null) {
            Files.writeString(pidFile, Long.toString(karaf.pid()));
        }
        double s = awaitMembers(karaf, 0, "/api/v1/contacts?limit=1", launchedAt, timeoutSeconds, console);
        log(String.format("Karaf answered after %.1f s", s));
        return s;
    }

    /** Starts node 2 (node 1 is ready and has the module enabled) and waits until it serves the module's members. */
    double startSecondNode(int timeoutSeconds) throws Exception {
        Path console = home.getParent().resolve("karaf-membership-node2-console.log");
        long t0 = System.nanoTime();
        karaf2 = launch(home2, console);
        if (pidFile != null) {
            Files.writeString(pidFile, karaf.pid() + "\n" + karaf2.pid() + "\n");
        }
        double s = awaitMembers(karaf2, 1, "/api/v1/members?limit=1", t0, timeoutSeconds, console);
        log(String.format("node 2 served the members after %.1f s", s));
        return s;
    }

    /** {@code bin/karaf server} in its own session (so the whole tree can be ended), console output to a file. */
    Process launch(Path nodeHome, Path console) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("setsid", nodeHome.resolve("bin/karaf").toString(), "server").directory(nodeHome.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        Map<String, String> env = pb.environment();
        String extra = env.getOrDefault("EXTRA_JAVA_OPTS", "");
        if (!extra.contains("disableZip64ExtraFieldValidation")) {
            extra = (extra + " -Djdk.util.zip.disableZip64ExtraFieldValidation=true").strip();
        }
        if (!extra.contains("-Xmx")) {
            extra += " -Xmx" + javaMaxMem; // Karaf 4.4's bin/inc no longer turns JAVA_MAX_MEM into -Xmx
        }
        env.put("EXTRA_JAVA_OPTS", extra);
        env.put("JAVA_MAX_MEM", javaMaxMem);
        return pb.start();
    }

    /** Polls {@code path} on the node every 100 ms until 200: Karaf is an external process that gives no other signal of being ready. */
    double awaitMembers(Process p, int node, String path, long since, int timeoutSeconds, Path console) throws Exception {
        HttpRequest probe = req(node, path).timeout(Duration.ofSeconds(1)).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Path nodeHome = node == 0 ? home : home2;
        while (true) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return secs(since);
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("Karaf (" + nodeHome.getFileName() + ") exited with " + p.exitValue() + "; see " + console);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no 200 from " + path + " within " + timeoutSeconds + " s; see " + nodeHome.resolve("data/log/karaf.log"));
            }
            Thread.sleep(100);
        }
    }

    void stopKaraf() throws Exception {
        if (karaf2 != null) {
            stopNode(karaf2, home2);
            karaf2 = null;
        }
        if (karaf == null) {
            return;
        }
        stopNode(karaf, home);
        karaf = null;
        if (pidFile != null) {
            Files.deleteIfExists(pidFile);
        }
    }

    static void stopNode(Process node, Path nodeHome) throws Exception {
        Process stop = new ProcessBuilder(nodeHome.resolve("bin/stop").toString()).directory(nodeHome.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!node.waitFor(90, TimeUnit.SECONDS)) {
            kill(node);
        }
        node.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    void killKaraf() {
        kill(karaf2);
        kill(karaf);
    }

    static void kill(Process p) {
        PgCluster.kill(p);
    }

    /** The running nodes' launcher processes (bin/karaf; the JVM is its child). */
    List<Process> nodeProcesses() {
        return PgCluster.started(karaf, karaf2);
    }

    /** {total jiffies, busy jiffies, Karaf's jiffies (script and JVM, every node), this program's jiffies, PostgreSQL's jiffies} from /proc. */
    long[] cpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int k = 1; k < f.length; k++) {
                total += Long.parseLong(f[k]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            long k = 0;
            for (Process p : nodeProcesses()) {
                k += procJiffies(p.pid());
                for (ProcessHandle h : p.descendants().toList()) {
                    k += procJiffies(h.pid());
                }
            }
            return new long[] { total, total - idle, k, procJiffies(ProcessHandle.current().pid()), pg == null ? 0 : pg.cpuJiffies() };
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Warm-up until Karaf's JIT has settled: rounds of 10 s of the measured mix, at least {@code warmupS} seconds and
     * then until the compiler threads used less than 5 % of a core in a round (at most {@code maxWarmupS}). CXF,
     * EclipseLink and Derby are a lot of code: in a profile of the 8 s quick warm-up, C2 kept about a core busy through
     * the measured phase, on a 2-core machine.
     */
    void warmUp() throws Exception {
        long t0 = System.nanoTime();
        int rounds = 0;
        double jit;
        do {
            Phase w = measure("warm-up " + (++rounds), clients, 10);
            jit = w.jitCores;
            log(String.format("warm-up round %d: %.0f answered/s, JIT compiler threads %.0f %% of a core", rounds, w.answeredPerS(), 100 * jit));
        } while (secs(t0) < maxWarmupS && (secs(t0) < warmupS || jit >= 0.05));
        warmup = String.format("%.0f s (%d rounds of 10 s; JIT compiler threads at %.0f %% of a core in the last round)", secs(t0), rounds, 100 * jit);
    }

    /** CPU ticks (1/100 s) of the Karaf JVM's C1 and C2 compiler threads. */
    long jitTicks() {
        long sum = 0;
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : nodeProcesses()) {
            all.addAll(p.descendants().toList());
            all.add(p.toHandle());
        }
        for (ProcessHandle h : all) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/" + h.pid() + "/task"))) {
                for (Path t : tasks.toList()) {
                    try {
                        if (Files.readString(t.resolve("comm")).startsWith("C")
                                && Files.readString(t.resolve("comm")).contains("CompilerThre")) {
                            sum += procJiffies(t);
                        }
                    } catch (IOException gone) {
                        // the thread ended
                    }
                }
            } catch (IOException e) {
                // not a JVM or gone
            }
        }
        return sum;
    }

    static long procJiffies(long pid) {
        return procJiffies(Path.of("/proc/" + pid));
    }

    static long procJiffies(Path proc) {
        try {
            String st = Files.readString(proc.resolve("stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    // ------------------------------------------------------------------ helpers

    HttpRequest.Builder req(String path) {
        return req(0, path);
    }

    HttpRequest.Builder req(int node, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + ports[node] + path)).header("Authorization", auth);
    }

    HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    String get(String path) throws Exception {
        HttpResponse<String> r = send(req(path).timeout(Duration.ofSeconds(30)).GET().build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return r.body();
    }

    String post(String path, String json) throws Exception {
        return post(0, path, json);
    }

    String post(int node, String path, String json) throws Exception {
        HttpResponse<String> r = send(req(node, path).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return r.body();
    }

    static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static long jsonLong(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + key + "\" in response: " + abbreviate(json));
        }
        return Long.parseLong(m.group(1));
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static void log(String s) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + s);
        System.out.flush();
    }

    // ------------------------------------------------------------------ report

    void writeReport() throws Exception {
        StringBuilder b = new StringBuilder();
        b.append("# Membership benchmark: earn/redeem throughput").append(postgresql ? ", PostgreSQL, " + nodes + " node" + (nodes == 2 ? "s" : "") : "")
                .append(quick ? " (QUICK run, smoke test)" : "").append("\n\n");
        b.append("- Date: ").append(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0)).append("\n");
        b.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(memTotal()).append(" RAM, ")
                .append(cpuModel()).append("; Java ").append(System.getProperty("java.version")).append("; Karaf heap ").append(javaMaxMem).append("\n");
        b.append("- Command: `distribution/benchmarks/run.sh --membership").append(quick ? " --quick" : "").append(postgresql ? " --postgresql" : "")
                .append(nodes == 2 ? " --nodes 2" : "").append("` (")
                .append(String.format("%,d members, %d clients, %d s per measured phase, at least %d s warm-up until the JIT settles", members, clients, durationS, warmupS)).append(")\n");
        if (dist != null) {
            b.append("- Distribution: `").append(dist.getFileName()).append("` built ")
                    .append(Files.getLastModifiedTime(dist).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append("\n");
        }
        if (!postgresql) {
            b.append("- Database: embedded Derby (the distribution's default); everything on localhost, clients and Karaf on the same cores\n\n");
        } else {
            b.append("- Database: ").append(pgVersion).append(", a throw-away cluster started by the benchmark (durable defaults: fsync and "
                    + "synchronous commit on; `max_connections = 200`, `max_prepared_transactions = 100`), the distribution pointed at it by "
                    + "`etc/org.ops4j.datasource-crm.cfg` only (pool as shipped: `pool.maxPoolSize = 24` per node; before 2026-12-07 the file said `pool.maxTotal`, which the pool ignores, and the pool had 2 connections)\n");
            b.append(nodes == 2 ? "- Two Karaf nodes on that database (HTTP " + ports[0] + " and " + ports[1] + ", each its own `karaf.name`), node 2 "
                    + "started once node 1 was ready; till client i talks to node i % 2 (32 clients each), the second copy of a duplicate pair goes "
                    + "to the other node; the balance check reads through node 1. Everything shares the same cores: two JVMs, PostgreSQL and the "
                    + "load generator on one machine say little about how the platform scales with nodes\n\n"
                    : "- One Karaf node; PostgreSQL, Karaf and the clients on localhost, on the same cores\n\n");
        }
        b.append("## Summary\n\n| Configuration | Transactions/s | Goal ≥ 1,000 tx/s |\n|---|---|---|\n");
        for (Phase p : phases) {
            double tps = p.txPerS();
            b.append(String.format("| %s | %,.0f | %s |%n", p.name, tps,
                    tps >= GOAL_TPS ? "PASS" : String.format("MISS (%.0f %% of the goal)", 100 * tps / GOAL_TPS)));
        }
        b.append(String.format("%nBalance check after the run: **%s**%n%n", verdict.isEmpty() ? "not run" : balancesOk ? "PASS" : "FAIL"));
        b.append("Transactions/s = (applied earns + applied redemptions + redemptions correctly refused with 409 `insufficient_points`) / "
                + "phase seconds; each is a full till transaction (member row locked, reference looked up). The second request of a "
                + "duplicate pair (answered `replayed: true`) is not counted as a transaction.\n\n");
        b.append("## Set-up\n\n| Step | |\n|---|---|\n");
        setup.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append("\n## Phases\n\n| Configuration | Seconds | Requests | Applied earn | Applied redeem | Refused 409 | Replayed (dup) | Errors | "
                + "Tx/s | Requests/s | p50 ms | p90 ms | p99 ms | max ms | CPU Karaf" + (postgresql ? " / PostgreSQL" : "") + " / bench / other | Karaf's JIT |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            String cpu = postgresql ? String.format("%.0f %% / %.0f %% / %.0f %% / %.0f %%", p.karafCpu, p.pgCpu, p.benchCpu, p.otherCpu)
                    : String.format("%.0f %% / %.0f %% / %.0f %%", p.karafCpu, p.benchCpu, p.otherCpu);
            b.append(String.format("| %s | %.1f | %,d | %,d | %,d | %,d | %,d | %,d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %.1f | %s | %.0f %% of a core |%n",
                    p.name, p.seconds, p.requests, p.earnApplied, p.redeemApplied, p.refused409, p.replayed, p.errors, p.txPerS(),
                    p.requests / p.seconds, pct(p.lat, 50), pct(p.lat, 90), pct(p.lat, 99), pct(p.lat, 100), cpu, 100 * p.jitCores));
        }
        if (nodes == 2) {
            b.append("\nRequests sent by the clients of node 1 / node 2 (a duplicate's second copy goes to the other node): ");
            b.append(String.join("; ", phases.stream().map(p -> String.format("%,d / %,d", p.perNode[0], p.perNode[1])).toList())).append(".\n");
        }
        b.append("\nWarm-up before the first phase: ").append(warmup).append(".\n");
        b.append("\nLatency: per request at the client (a duplicate pair records both answers, measured from sending the pair). CPU: share of the "
                + "whole machine (2 cores = 100 %) from `/proc`" + (nodes == 2 ? "; Karaf = both nodes, Karaf's JIT = both nodes' compiler threads" : "")
                + (postgresql ? "; PostgreSQL = the postmaster and its backends" : "") + ".\n");
        for (Phase p : phases) {
            if (!p.errorSamples.isEmpty()) {
                b.append("\nError samples (").append(p.name).append("):\n");
                p.errorSamples.forEach(s -> b.append("- `").append(s.replace("`", "'")).append("`\n"));
            }
        }
        b.append("\n## Balance check\n\n");
        verdict.forEach(v -> b.append("- ").append(v).append("\n"));
        if (!notes.isEmpty()) {
            b.append("\n## Notes\n\n");
            notes.forEach(n -> b.append("- ").append(n).append("\n"));
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, b.toString());
        log("results written to " + results);
    }

    static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceAll("^[^:]*:\\s*", "")).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
