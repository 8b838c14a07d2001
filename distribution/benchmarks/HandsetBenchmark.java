import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * OpenCRM handset benchmark (see README.md next to this file): IMEI lookup through REST with a million handsets
 * loaded, against a trivial servlet in the same Karaf as the ceiling. Single-file program:
 * {@code java HandsetBenchmark.java --home DIR [--port 18581] [--ssh-port 18501] [--password PW] [--count 1000000]
 * [--quick] [--duration-s 30] [--clients 1,8] [--jfr] [--measure-only] [--results FILE]}. Normally driven by
 * {@code run.sh --handsets}, which unpacks and configures the distribution first.
 *
 * Steps: cold start; enable the module over REST; load the units with the module's bulk loader
 * ({@code handset:demo-data} through {@code bin/client}, JDBC batches inside the running Karaf); restart; warm up; then
 * for 1 and 8 concurrent keep-alive clients (java.net.http), each phase a fixed duration: {@code GET /health} (ceiling),
 * {@code GET /api/v1/handsets/{imei}} (authenticated, random loaded IMEIs of either slot and a few unknown ones → 404),
 * {@code GET /api/v1/warranty?imei=} and an unauthenticated {@code GET /api/v1/handsets/{imei}} (401: the JAX-RS stack
 * without authentication or database, to split the cost).
 *
 * <p>With {@code --postgresql} the distribution runs on a throw-away PostgreSQL cluster ({@code PgCluster}, compiled
 * onto the class path by run.sh) instead of Derby; with {@code --nodes 2} also a second Karaf node
 * ({@code target/opencrm-handsets-node2}, every port + 10) on the same database, started once node 1 is ready after
 * the load, and client i sends its requests to node i % 2 (the ceiling {@code GET /health} as well).
 */
public class HandsetBenchmark {
    // ---- goals (the issue): handset lookups reach at least half the ceiling's requests/s, p99 at most 10 ms
    static final double GOAL_RATIO = 0.5;
    static final double GOAL_P99_MS = 10.0;

    /** The loader's IMEI bodies (BulkLoader.IMEI_BASE / IMEI2_BASE) plus the unit id, and its dual-SIM pick. */
    static final long IMEI_BASE = 86_999_000_000_000L;
    static final long IMEI2_BASE = 86_998_000_000_000L;
    static final int UNKNOWN_PERCENT = 2;
    static final int SECOND_SLOT_PERCENT = 8;

    // ---- options
    Path home;
    int port = 18581;
    int sshPort = 18501;
    String password = "bench-Passw0rd!";
    int count = 1_000_000;
    int dualSimPercent = 30;
    int soldPercent = 60;
    int durationS = 30;
    int warmupS = 30;
    int maxWarmupS = 300;
    List<Integer> clients = List.of(1, 2, 8);
    /** Unmeasured seconds of the same requests and clients right before each phase (the JIT recompiles when the mix changes). */
    int preS = 5;
    boolean quick;
    boolean jfr;
    boolean measureOnly;
    Path results = Path.of("distribution/benchmarks/RESULTS-handsets.md");
    Path pidFile;
    String javaMaxMem = "2g";
    boolean postgresql;
    int nodes = 1;

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

    // ---- collected results
    final Map<String, Double> starts = new LinkedHashMap<>();
    final Map<String, String> load = new LinkedHashMap<>();
    final List<Phase> phases = new ArrayList<>();
    final List<String> profile = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    long firstId;
    long lastId;
    double loadSeconds = Double.NaN;

    public static void main(String[] args) throws Exception {
        HandsetBenchmark b = new HandsetBenchmark();
        b.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(b::killKaraf));
        try {
            b.run();
        } catch (Exception e) {
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
                case "--ssh-port" -> { sshPort = Integer.parseInt(v); i++; }
                case "--password" -> { password = v; i++; }
                case "--count" -> { count = Integer.parseInt(v.replace("_", "").replace(",", "")); i++; }
                case "--quick" -> { quick = true; count = 50_000; durationS = 8; warmupS = 10; maxWarmupS = 30; preS = 2; }
                case "--duration-s" -> { durationS = Integer.parseInt(v); i++; }
                case "--warmup-s" -> { warmupS = Integer.parseInt(v); i++; }
                case "--clients" -> { clients = Arrays.stream(v.split(",")).map(s -> Integer.parseInt(s.strip())).toList(); i++; }
                case "--jfr" -> jfr = true;
                case "--measure-only" -> measureOnly = true;
                case "--results" -> { results = Path.of(v); i++; }
                case "--pid-file" -> { pidFile = Path.of(v); i++; }
                case "--java-max-mem" -> { javaMaxMem = v; i++; }
                case "--postgresql" -> postgresql = true;
                case "--nodes" -> { nodes = Integer.parseInt(v); i++; }
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
        if (postgresql && measureOnly) {
            throw new IllegalArgumentException("--measure-only works on the Derby data of an earlier run only");
        }
        ports = nodes == 2 ? new int[] { port, port + NODE2_OFFSET } : new int[] { port };
        home2 = home.resolveSibling(home.getFileName() + "-node2");
    }

    /**
     * Points the freshly unpacked node 1 (not started yet) at a new throw-away PostgreSQL cluster and, with two nodes,
     * copies it to node 2 with its ports moved.
     */
    void prepareDatabaseAndNodes() throws Exception {
        if (postgresql) {
            long t0 = System.nanoTime();
            pg = PgCluster.start(home.resolveSibling("postgresql-handsets"));
            pg.createDatabase(DATABASE);
            pg.configure(home, DATABASE);
            pgVersion = pg.version();
            log(String.format("%s on port %d, database %s (%.1f s)", pgVersion, pg.port(), DATABASE, (System.nanoTime() - t0) / 1e9));
        }
        if (nodes == 2) {
            PgCluster.copyNode(home, home2, NODE2_OFFSET, "handsets-node-1", "handsets-node-2");
        }
    }

    void run() throws Exception {
        http = client();
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        Path loaded = home.resolve("handsets-loaded.properties");
        if (measureOnly) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(loaded)) {
                p.load(in);
            }
            firstId = Long.parseLong(p.getProperty("firstId"));
            lastId = Long.parseLong(p.getProperty("lastId"));
            count = (int) (lastId - firstId + 1);
            notes.add("Measure-only run (`run.sh --handsets --measure-only`) on the units loaded by the previous run; no load measured.");
        } else {
            prepareDatabaseAndNodes();
            log("distribution: " + home + ", HTTP " + port + ", ssh " + sshPort + ", " + String.format("%,d", count) + " handsets");
            starts.put("cold start (fresh data dir) to first 200 of `GET /health`", startKaraf(180, "/health", false));
            starts.put("… and to first 200 of authenticated `GET /api/v1/contacts?limit=1`, since launch",
                    waitFor("/api/v1/contacts?limit=1", true, 120));
            enableModule();
            long[] owner = ownerAndStore();
            bulkLoad(owner[0], owner[1]);
            Properties p = new Properties();
            p.setProperty("firstId", Long.toString(firstId));
            p.setProperty("lastId", Long.toString(lastId));
            try (var out = Files.newBufferedWriter(loaded)) {
                p.store(out, "units loaded by HandsetBenchmark");
            }
            stopKaraf();
        }
        String probe = "/api/v1/handsets/" + imei(IMEI_BASE, firstId);
        starts.put(String.format("warm start with %,d handsets to first 200 of `GET /health`", count), startKaraf(180, "/health", false));
        starts.put("… and to first 200 of `GET /api/v1/handsets/{imei}`, since launch", waitFor(probe, true, 120));
        if (nodes == 2) {
            starts.put("node 2 (`" + home2.getFileName() + "`, first start, started once node 1 was ready) to first 200 of `GET /api/v1/handsets/{imei}`",
                    startSecondNode(240, probe));
        }

        warmUp();
        for (int c : clients) {
            phases.add(measure(Kind.HEALTH, c, durationS));
            phases.add(measure(Kind.HANDSET, c, durationS));
            phases.add(measure(Kind.WARRANTY, c, durationS));
            phases.add(measure(Kind.UNAUTHENTICATED, c, durationS));
        }
        if (jfr) {
            profileLookups(clients.get(clients.size() - 1));
        }
        notes.add("The ceiling `GET /health` is unauthenticated (it is what a load balancer's probe costs). Handset and warranty requests carry HTTP "
                + "Basic credentials like an integrator's client; the server checks them on every call against its credential cache "
                + "(`credentialCacheSeconds` in `etc/org.opencrm.security.cfg`, default 300 s: a SHA-256 of the credentials instead of PBKDF2 once "
                + "verified). The 401 rows show the JAX-RS application without authentication or data.");
        notes.add("Karaf and the benchmark's clients share the same cores (see the CPU columns); localhost HTTP, no network.");
        stopKaraf();
        if (pg != null) {
            pg.close();
            log("PostgreSQL cluster stopped and deleted");
        }
        writeReport();
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(1000)).build();
    }

    // ------------------------------------------------------------------ set-up: module, owner, bulk load

    void enableModule() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/modules/handset-registry/enable")).header("Authorization", auth)
                .timeout(Duration.ofMinutes(3)).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("enabling handset-registry answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        load.put("Enable the module (`POST /api/v1/modules/handset-registry/enable`, answers when ACTIVE)", String.format("%.2f s", s));
        log(String.format("handset-registry enabled in %.2f s", s));
    }

    /** A contact and a store account over REST: the sold demo units belong to them. */
    long[] ownerAndStore() throws Exception {
        long contact = jsonLong(post("/api/v1/contacts", "{\"name\":\"基准客户\",\"mobile\":\"13900139000\"}"), "id");
        long store = jsonLong(post("/api/v1/accounts", "{\"name\":\"基准门店\",\"type\":\"STORE\",\"region\":\"华东\"}"), "id");
        return new long[] { contact, store };
    }

    String post(String path, String json) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Authorization", auth).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return r.body();
    }

    /**
     * The module's bulk path: {@code handset:demo-data} in the running Karaf, through {@code bin/client} over ssh
     * (batch mode, commands on standard input; STACK-NOTES pitfall 5). BulkLoader writes JDBC batches of 2,000 units
     * with their IMEI rows, history rows and, for sold units, warranty cards.
     */
    void bulkLoad(long contact, long store) throws Exception {
        String cmd = String.format("handset:demo-data --dual-sim-percent %d --sold-percent %d --contact %d --store %d %d", dualSimPercent, soldPercent,
                contact, store, count);
        log("bulk load: " + cmd);
        Path out = home.getParent().resolve("handsets-load.log");
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort), "-h", "localhost", "-u", "admin", "-p",
                password, "-r", "10", "-t", Long.toString(TimeUnit.HOURS.toMillis(2)), "-b").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        long[] c0 = cpu();
        long t0 = System.nanoTime();
        p.getOutputStream().write((cmd + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("handset:demo-data did not finish within 60 min; see " + out);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long[] c1 = cpu();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Registered (\\d+) handsets \\((\\d+) dual-SIM, (\\d+) sold\\), ids (\\d+)\\.\\.(\\d+), e\\.g\\. IMEI (\\d+), in ([\\d.]+) s")
                .matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("handset:demo-data did not report its units (exit " + p.exitValue() + "): " + abbreviate(text.strip()));
        }
        if (Long.parseLong(m.group(1)) != count) {
            throw new IllegalStateException("handset:demo-data registered " + m.group(1) + " units instead of " + count);
        }
        firstId = Long.parseLong(m.group(4));
        lastId = Long.parseLong(m.group(5));
        if (lastId - firstId + 1 != count) {
            throw new IllegalStateException("unit ids " + firstId + ".." + lastId + " are not contiguous; random IMEIs could not be derived from them");
        }
        loadSeconds = Double.parseDouble(m.group(7));
        load.put("Units (dual-SIM / sold with a warranty card)", String.format("%,d (%,d / %,d)", count, Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        load.put("Bulk load inside Karaf (`handset:demo-data`, as reported by the command)", String.format("%.1f s = %,.0f units/s", loadSeconds,
                count / loadSeconds));
        load.put("… wall clock including `bin/client` connect and login", String.format("%.1f s", wall));
        load.put("… other processes' CPU during the load", String.format("%.0f %%", otherCpu(c0, c1)));
        if (pg != null) {
            load.put("PostgreSQL database after the load (`pg_database_size`)", String.format("%,d MB", pg.databaseBytes(DATABASE) / (1024 * 1024)));
        } else {
            load.put("Derby data dir after the load", String.format("%,d MB", dirSize(home.resolve("data/crmdb")) / (1024 * 1024)));
        }
        log(String.format("loaded %,d units (ids %d..%d) in %.1f s (%.1f s wall)", count, firstId, lastId, loadSeconds, wall));
    }

    // ------------------------------------------------------------------ measurement

    enum Kind {
        HEALTH("`GET /health` (ceiling: plain servlet, no auth)"),
        HANDSET("`GET /api/v1/handsets/{imei}` (Basic auth)"),
        WARRANTY("`GET /api/v1/warranty?imei=` (Basic auth)"),
        UNAUTHENTICATED("`GET /api/v1/handsets/{imei}` without credentials → 401");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static final class Phase {
        Kind kind;
        int clients;
        long requests;
        long notFound;
        long errors;
        String firstError;
        /** Requests per node (index 0 = node 1): shows the split over two nodes. */
        final long[] perNode = new long[2];
        double seconds;
        double[] ms; // p50, p90, p99, p99.9, max, mean
        double karafCpu;
        double benchCpu;
        double otherCpu;
        double pgCpu;
        double jitCpu;

        double rps() {
            return requests / seconds;
        }

        /** CPU milliseconds per request (share of the whole machine → CPU time over the phase, per request). */
        double cpuMsPerRequest(double machineShare) {
            return machineShare / 100 * Runtime.getRuntime().availableProcessors() * seconds * 1000 / Math.max(1, requests);
        }
    }

    /** One request of the kind, drawn from the worker's random numbers; returns null when the answer is right, else what was wrong. */
    final class Worker implements Runnable {
        final Kind kind;
        final HttpClient client;
        final SplittableRandom random;
        final CountDownLatch start;
        final long endAt;
        /** The node this client talks to (index into ports). */
        final int node;
        long[] latencies = new long[1 << 14];
        int n;
        long notFound;
        long errors;
        String firstError;

        Worker(Kind kind, HttpClient client, long seed, CountDownLatch start, long endAt, int node) {
            this.kind = kind;
            this.client = client;
            this.random = new SplittableRandom(seed);
            this.start = start;
            this.endAt = endAt;
            this.node = node;
        }

        @Override
        public void run() {
            try {
                start.await();
                while (System.nanoTime() < endAt) {
                    String expect = null;
                    boolean unknown = false;
                    String path;
                    if (kind == Kind.HEALTH) {
                        path = "/health";
                        expect = "\"UP\"";
                    } else {
                        int roll = random.nextInt(100);
                        long id = firstId + random.nextLong(lastId - firstId + 1);
                        String imei;
                        if (roll < UNKNOWN_PERCENT) {
                            imei = withCheckDigit(String.format("35%012d", random.nextLong(1_000_000_000_000L))); // another TAC: never loaded
                            unknown = true;
                        } else if (roll < UNKNOWN_PERCENT + SECOND_SLOT_PERCENT && pick(id, 1) < dualSimPercent) {
                            imei = imei(IMEI2_BASE, id);
                        } else {
                            imei = imei(IMEI_BASE, id);
                        }
                        path = kind == Kind.WARRANTY ? "/api/v1/warranty?imei=" + imei : "/api/v1/handsets/" + imei;
                        expect = kind == Kind.WARRANTY ? (unknown ? "NOT_REGISTERED" : "\"inWarranty\"") : imei;
                    }
                    HttpRequest.Builder b = HttpRequest.newBuilder(uri(node, path)).timeout(Duration.ofSeconds(10)).GET();
                    if (kind == Kind.HANDSET || kind == Kind.WARRANTY) {
                        b.header("Authorization", auth);
                    }
                    HttpRequest req = b.build();
                    long t0 = System.nanoTime();
                    String problem;
                    try {
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        problem = check(r, unknown, expect);
                        if (problem == null && unknown && kind == Kind.HANDSET) {
                            notFound++;
                        }
                    } catch (IOException e) {
                        problem = e.toString();
                    }
                    long nanos = System.nanoTime() - t0;
                    if (problem != null) {
                        errors++;
                        if (firstError == null) {
                            firstError = path + ": " + problem;
                        }
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = nanos;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String check(HttpResponse<String> r, boolean unknown, String expect) {
            int want = kind == Kind.UNAUTHENTICATED ? 401 : unknown && kind == Kind.HANDSET ? 404 : 200;
            if (r.statusCode() != want) {
                return "HTTP " + r.statusCode() + " (expected " + want + "): " + abbreviate(r.body());
            }
            if (want == 200 && !r.body().contains(expect)) {
                return "body without " + expect + ": " + abbreviate(r.body());
            }
            return null;
        }
    }

    /**
     * Warm-up until the JIT has settled: rounds of 10 s (6 s of handset lookups, 2 s of warranty checks, 1 s each of
     * health and 401s, 8 clients) for at least {@code warmupS} seconds and then until Karaf's JIT compiler threads used
     * less than 3 % of a core in a round (at most {@code maxWarmupS}, 5 minutes; 30 s with --quick). CXF, EclipseLink and Derby are a lot of code: after 30 s of
     * lookups C2 was still compiling with more than half a core, which disturbed the first measured phase.
     */
    void warmUp() throws Exception {
        long t0 = System.nanoTime();
        double jitShare = Double.NaN;
        int rounds = 0;
        while (true) {
            long jit0 = jitTicks();
            long r0 = System.nanoTime();
            run(Kind.HANDSET, 8, 6, 10L * rounds + 1);
            run(Kind.WARRANTY, 8, 2, 10L * rounds + 2);
            run(Kind.HEALTH, 8, 1, 10L * rounds + 3);
            run(Kind.UNAUTHENTICATED, 8, 1, 10L * rounds + 4);
            rounds++;
            jitShare = (jitTicks() - jit0) / 100.0 / ((System.nanoTime() - r0) / 1e9);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            log(String.format("warm-up round %d: JIT compiler threads used %.0f %% of a core", rounds, 100 * jitShare));
            if ((elapsed >= warmupS && jitShare < 0.03) || elapsed >= maxWarmupS) {
                break;
            }
        }
        warmup = String.format("%.0f s (%d rounds of 10 s; JIT compiler threads at %.0f %% of a core in the last round)",
                (System.nanoTime() - t0) / 1e9, rounds, 100 * jitShare);
    }

    String warmup = "";

    /** CPU ticks (1/100 s) of the C1 and C2 compiler threads of every running node's JVM. */
    long jitTicks() {
        long sum = 0;
        for (Process p : nodeProcesses()) {
            sum += jitTicks(javaPid(p));
        }
        return sum;
    }

    /** CPU ticks (1/100 s) of the JVM's C1 and C2 compiler threads. */
    static long jitTicks(long pid) {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).strip();
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String st = Files.readString(t.resolve("stat"));
                        String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException gone) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    Phase measure(Kind kind, int clientCount, int seconds) throws Exception {
        run(kind, clientCount, preS, 77);
        long[] c0 = cpu();
        long jit0 = jitTicks();
        Phase p = run(kind, clientCount, seconds, 1000L * clientCount + kind.ordinal());
        p.jitCpu = (jitTicks() - jit0) / 100.0 / p.seconds;
        long[] c1 = cpu();
        if (c0 != null && c1 != null && c1[0] > c0[0]) {
            double total = c1[0] - c0[0];
            p.karafCpu = 100.0 * (c1[2] - c0[2]) / total;
            p.benchCpu = 100.0 * (c1[3] - c0[3]) / total;
            p.pgCpu = 100.0 * (c1[4] - c0[4]) / total;
            p.otherCpu = otherCpu(c0, c1);
        }
        log(String.format("%-16s %d client(s): %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  max %7.1f ms  errors %d  "
                + "CPU Karaf %.0f%%%s bench %.0f%% other %.0f%% (JIT %.0f%% of a core)", kind, clientCount, p.rps(), p.ms[0], p.ms[2],
                p.ms[3], p.ms[4], p.errors, p.karafCpu, postgresql ? String.format(" PostgreSQL %.0f%%", p.pgCpu) : "", p.benchCpu, p.otherCpu,
                100 * p.jitCpu));
        if (p.firstError != null) {
            log("  first error: " + p.firstError);
        }
        if (nodes == 2) {
            log(String.format("  requests to node 1 / node 2: %d / %d", p.perNode[0], p.perNode[1]));
        }
        return p;
    }

    /** {@code clientCount} threads, each sending one request after the other on a shared keep-alive client, for {@code seconds}. */
    Phase run(Kind kind, int clientCount, int seconds, long seed) throws Exception {
        HttpClient client = client();
        CountDownLatch start = new CountDownLatch(1);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long endAt = t0 + TimeUnit.SECONDS.toNanos(seconds);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            Worker w = new Worker(kind, client, seed * 7919 + i, start, endAt, i % nodes);
            workers.add(w);
            Thread t = new Thread(w, "client-" + i);
            threads.add(t);
            t.start();
        }
        start.countDown();
        long began = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        Phase p = new Phase();
        p.kind = kind;
        p.clients = clientCount;
        p.seconds = elapsed;
        int total = workers.stream().mapToInt(w -> w.n).sum();
        long[] all = new long[total];
        int k = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, k, w.n);
            k += w.n;
            p.notFound += w.notFound;
            p.errors += w.errors;
            p.perNode[w.node] += w.n;
            if (p.firstError == null) {
                p.firstError = w.firstError;
            }
        }
        Arrays.sort(all);
        p.requests = total;
        p.ms = total == 0 ? new double[6] : new double[] { pct(all, 50), pct(all, 90), pct(all, 99), pct(all, 99.9), all[total - 1] / 1e6,
                Arrays.stream(all).average().orElse(0) / 1e6 };
        return p;
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    // ------------------------------------------------------------------ profile

    /**
     * Extra phases (not counted above), each with its own Java Flight Recording of Karaf (jcmd JFR.start,
     * settings=profile): the ceiling with 1 client, the lookups with 1 and with {@code clientCount} clients, the 401s with
     * {@code clientCount} clients. Each is summarised by where the execution samples were: an exclusive split by layer
     * (a sample counts for the innermost layer on its stack, so the shares add up to 100 %), the share of samples with a
     * component anywhere on the stack, and the hottest methods (top frame).
     */
    void profileLookups(int clientCount) throws Exception {
        long pid = karafJavaPid();
        // JFR's profile settings with a sample every 1 ms instead of 10 ms: a phase of a few seconds gives thousands of samples
        Path jfc = home.getParent().resolve("profile-1ms.jfc");
        Files.writeString(jfc, Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"))
                .replace("<setting name=\"period\" control=\"method-sampling-java-interval\">10 ms</setting>",
                        "<setting name=\"period\" control=\"method-sampling-java-interval\">1 ms</setting>"));
        Object[][] runs = { { Kind.HEALTH, 1 }, { Kind.HANDSET, 1 }, { Kind.HANDSET, clientCount }, { Kind.UNAUTHENTICATED, clientCount } };
        for (Object[] r : runs) {
            Kind kind = (Kind) r[0];
            int c = (Integer) r[1];
            String name = "handsets-" + kind.name().toLowerCase(Locale.ROOT) + "-" + c;
            Path file = home.getParent().resolve(name + ".jfr");
            Files.deleteIfExists(file);
            run(kind, c, preS, 98);
            long[] c0 = cpu();
            jcmd(pid, "JFR.start", "name=" + name, "settings=" + jfc, "filename=" + file);
            Phase p = run(kind, c, durationS, 99);
            jcmd(pid, "JFR.stop", "name=" + name);
            long[] c1 = cpu();
            double karafCpu = c0 != null && c1 != null && c1[0] > c0[0] ? 100.0 * (c1[2] - c0[2]) / (c1[0] - c0[0]) : 0;
            profile.add(String.format("**%s, %d client%s**: an extra phase of %d s with JFR on (`settings=profile`, Java samples every 1 ms; %,.0f req/s, p99 %.2f ms, Karaf %.3f CPU ms per request; "
                    + "not part of the table above), file `distribution/benchmarks/target/%s.jfr`.", kind.label, c, c == 1 ? "" : "s", durationS,
                    p.rps(), p.ms[2], p.cpuMsPerRequest(karafCpu), name));
            summariseJfr(file, p.cpuMsPerRequest(karafCpu));
        }
    }

    void jcmd(long pid, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + out);
        }
    }

    static final String[][] COMPONENTS = {
            { "Derby (SQL execution, page cache, locks)", "org.apache.derby." },
            { "PostgreSQL JDBC driver (protocol, result sets)", "org.postgresql." },
            { "EclipseLink (queries, object building)", "org.eclipse.persistence." },
            { "Aries JPA / transactions / pooled DataSource", "org.apache.aries.jpa.", "org.apache.aries.transaction.", "org.apache.geronimo.",
                    "org.ops4j.pax.transx.", "org.ops4j.pax.jdbc.", "org.apache.felix.coordinator." },
            { "CXF + Aries JAX-RS whiteboard (dispatch, providers)", "org.apache.cxf.", "org.apache.aries.jax.rs." },
            { "Jackson (JSON)", "com.fasterxml.jackson." },
            { "Jetty + Pax Web (HTTP, servlet chain)", "org.eclipse.jetty.", "org.ops4j.pax.web." },
            { "Authentication (Basic header, credential cache)", "org.opencrm.platform.rest.internal.AuthenticationFilter",
                    "org.opencrm.platform.security." },
            { "The platform's other REST filters and providers", "org.opencrm.platform.rest." },
            { "Handset registry module", "org.opencrm.module.handset." },
            { "Logging (pax-logging, log4j2, slf4j)", "org.ops4j.pax.logging.", "org.apache.logging.", "org.slf4j." } };

    /** Exclusive layers, innermost first wins: a sample in a JDK method belongs to the nearest of these further down its stack. */
    static final String[][] LAYERS = {
            { "Database (Derby / PostgreSQL driver)", "org.apache.derby.", "org.postgresql." },
            { "EclipseLink", "org.eclipse.persistence." },
            { "Aries JPA, transactions, connection pool", "org.apache.aries.jpa.", "org.apache.aries.transaction.", "org.apache.geronimo.",
                    "org.ops4j.pax.transx.", "org.ops4j.pax.jdbc.", "org.apache.felix.coordinator." },
            { "Jackson (JSON)", "com.fasterxml.jackson." },
            { "Credential check (AuthenticationFilter, UserService)", "org.opencrm.platform.rest.internal.AuthenticationFilter",
                    "org.opencrm.platform.security." },
            { "Handset module (service, mapping)", "org.opencrm.module.handset." },
            { "Platform REST filters and providers", "org.opencrm.platform.rest.", "org.opencrm.platform." },
            { "CXF + Aries JAX-RS whiteboard", "org.apache.cxf.", "org.apache.aries.jax.rs." },
            { "Jetty + Pax Web", "org.eclipse.jetty.", "org.ops4j.pax.web." },
            { "Logging", "org.ops4j.pax.logging.", "org.apache.logging.", "org.slf4j." },
            { "OSGi framework", "org.apache.felix." } };

    static String layerOf(List<jdk.jfr.consumer.RecordedFrame> frames) {
        for (jdk.jfr.consumer.RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (String[] l : LAYERS) {
                for (int k = 1; k < l.length; k++) {
                    if (type.startsWith(l[k])) {
                        return l[0];
                    }
                }
            }
        }
        String bottom = frames.get(frames.size() - 1).getMethod().getType().getName();
        return bottom.startsWith("java.lang.Thread") ? "JDK only (threads with no application frame: GC helpers, selectors, idle pools)" : "JDK only";
    }

    void summariseJfr(Path file, double cpuMsPerRequest) throws IOException {
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        int samples = 0;
        try (jdk.jfr.consumer.RecordingFile rf = new jdk.jfr.consumer.RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                jdk.jfr.consumer.RecordedEvent e = rf.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                List<jdk.jfr.consumer.RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (jdk.jfr.consumer.RecordedFrame f : frames) {
                    String type = f.getMethod().getType().getName();
                    for (String[] c : COMPONENTS) {
                        for (int k = 1; k < c.length; k++) {
                            if (type.startsWith(c[k]) && seen.add(c[0])) {
                                inclusive.merge(c[0], 1, Integer::sum);
                            }
                        }
                    }
                }
                layers.merge(layerOf(frames), 1, Integer::sum);
                jdk.jfr.consumer.RecordedFrame top = frames.get(0);
                String name = top.getMethod().getType().getName() + "." + top.getMethod().getName();
                self.merge(name, 1, Integer::sum);
            }
        }
        if (samples == 0) {
            profile.add("no execution samples in the recording");
            return;
        }
        int total = samples;
        profile.add(String.format("%,d execution samples of Karaf's threads. By layer (a sample counts for the innermost layer on its stack; "
                + "share of samples and of the %.3f CPU ms per request):", total, cpuMsPerRequest));
        layers.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(en -> profile.add(String.format("  - %s: %.0f %% ≈ %.3f ms", en.getKey(), 100.0 * en.getValue() / total,
                        cpuMsPerRequest * en.getValue() / total)));
        profile.add("Share of samples with the component anywhere on the stack (one request nests several, so these add up to more than 100 %):");
        for (String[] c : COMPONENTS) {
            profile.add(String.format("  - %s: %.0f %%", c[0], 100.0 * inclusive.getOrDefault(c[0], 0) / total));
        }
        profile.add("Hottest methods (top frame, share of all samples):");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(en -> profile.add(String.format("  - `%s`: %.1f %%", en.getKey(), 100.0 * en.getValue() / total)));
    }

    // ------------------------------------------------------------------ Karaf lifecycle

    double startKaraf(int timeoutSeconds, String probePath, boolean authenticated) throws Exception {
        launches++;
        Path console = home.getParent().resolve("karaf-handsets-console-" + launches + ".log");
        long t0 = System.nanoTime();
        launchedAt = t0;
        karaf = launch(home, console);
        if (pidFile != null) {
            Files.writeString(pidFile, Long.toString(karaf.pid()));
        }
        double s = poll(karaf, 0, probePath, authenticated, t0, timeoutSeconds, console);
        log(String.format("start #%d: first 200 of %s after %.2f s", launches, probePath, s));
        return s;
    }

    /** Starts node 2 (node 1 is ready, the module enabled and loaded) and waits until it answers {@code probePath} too. */
    double startSecondNode(int timeoutSeconds, String probePath) throws Exception {
        Path console = home.getParent().resolve("karaf-handsets-node2-console.log");
        long t0 = System.nanoTime();
        karaf2 = launch(home2, console);
        if (pidFile != null) {
            Files.writeString(pidFile, karaf.pid() + "\n" + karaf2.pid() + "\n");
        }
        double s = poll(karaf2, 1, probePath, true, t0, timeoutSeconds, console);
        log(String.format("node 2: first 200 of %s after %.2f s", probePath, s));
        return s;
    }

    /** {@code bin/karaf server} in its own session (so the whole tree can be ended), console output to a file. */
    Process launch(Path nodeHome, Path console) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("setsid", nodeHome.resolve("bin/karaf").toString(), "server")
                .directory(nodeHome.toFile()).redirectErrorStream(true).redirectOutput(console.toFile());
        Map<String, String> env = pb.environment();
        String extra = env.getOrDefault("EXTRA_JAVA_OPTS", "");
        if (!extra.contains("disableZip64ExtraFieldValidation")) {
            extra = (extra + " -Djdk.util.zip.disableZip64ExtraFieldValidation=true").strip();
        }
        if (!extra.contains("-Xmx")) {
            // Karaf 4.4's bin/inc no longer turns JAVA_MAX_MEM into -Xmx (the default would be 1/4 of the RAM)
            extra += " -Xmx" + javaMaxMem;
        }
        env.put("EXTRA_JAVA_OPTS", extra);
        env.put("JAVA_MAX_MEM", javaMaxMem);
        return pb.start();
    }

    long launchedAt;

    /** Seconds since the last launch until {@code path} answers 200. */
    double waitFor(String path, boolean authenticated, int timeoutSeconds) throws Exception {
        double s = poll(karaf, 0, path, authenticated, launchedAt, timeoutSeconds, null);
        log(String.format("first 200 of %s at %.2f s after launch", path, s));
        return s;
    }

    /**
     * Polls every 50 ms (1 s HTTP timeout) until 200. Sleeping is right here: Karaf is an external process that gives
     * no other signal of being ready.
     */
    double poll(Process node, int index, String path, boolean authenticated, long since, int timeoutSeconds, Path console) throws Exception {
        Path nodeHome = index == 0 ? home : home2;
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(index, path)).timeout(Duration.ofMillis(1000)).GET();
        if (authenticated) {
            b.header("Authorization", auth);
        }
        HttpRequest probe = b.build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        int lastStatus = -1;
        while (true) {
            long tryAt = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(probe, HttpResponse.BodyHandlers.ofString());
                lastStatus = r.statusCode();
                if (lastStatus == 200) {
                    return (System.nanoTime() - since) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!node.isAlive()) {
                throw new IllegalStateException("Karaf (" + nodeHome.getFileName() + ") exited with " + node.exitValue() + " before answering; see "
                        + (console == null ? "the console log" : console) + " and " + nodeHome.resolve("data/log/karaf.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no 200 from " + path + " within " + timeoutSeconds + " s (last status " + lastStatus + "); see "
                        + nodeHome.resolve("data/log/karaf.log"));
            }
            long sleep = 50 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tryAt);
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
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
        long t0 = System.nanoTime();
        Process stop = new ProcessBuilder(nodeHome.resolve("bin/stop").toString()).directory(nodeHome.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!node.waitFor(90, TimeUnit.SECONDS)) {
            log("bin/stop did not stop Karaf (" + nodeHome.getFileName() + ") within 90 s; killing it");
            kill(node);
        }
        node.descendants().forEach(ProcessHandle::destroyForcibly);
        log(String.format("%s stopped in %.1f s", nodeHome.getFileName(), (System.nanoTime() - t0) / 1e9));
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

    /** Node 1's JVM. */
    long karafJavaPid() {
        return javaPid(karaf);
    }

    /** The JVM that bin/karaf started (the script does not exec it). */
    static long javaPid(Process launcher) {
        return launcher.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false)).mapToLong(ProcessHandle::pid)
                .findFirst().orElseThrow(() -> new IllegalStateException("no java process under bin/karaf"));
    }

    /** {total jiffies, busy jiffies, jiffies of Karaf (script and JVM, every node), jiffies of this program, PostgreSQL's jiffies} from /proc. */
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

    static long procJiffies(long pid) {
        try {
            String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    /** Share of the whole machine's CPU used by other processes (not Karaf, not this program, not the benchmark's PostgreSQL) between a and b. */
    static double otherCpu(long[] a, long[] b) {
        if (a == null || b == null || b[0] == a[0]) {
            return Double.NaN;
        }
        return Math.max(0, 100.0 * ((b[1] - a[1]) - (b[2] - a[2]) - (b[3] - a[3]) - (b[4] - a[4])) / (b[0] - a[0]));
    }

    // ------------------------------------------------------------------ helpers

    URI uri(String pathAndQuery) {
        return uri(0, pathAndQuery);
    }

    URI uri(int node, String pathAndQuery) {
        return URI.create("http://localhost:" + ports[node] + pathAndQuery);
    }

    HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static String imei(long base, long id) {
        return withCheckDigit(Long.toString(base + id));
    }

    /** Luhn check digit over 14 digits, every second digit from the left doubled (as the module's Imei class). */
    static String withCheckDigit(String body) {
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = body.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** The loader's stable pseudo-random 0..99 per unit (BulkLoader.Chunk.pick): which units have a second IMEI. */
    static int pick(long id, int salt) {
        long x = (id * 0x9E3779B97F4A7C15L) ^ (salt * 0xC2B2AE3D27D4EB4FL);
        x ^= x >>> 31;
        return (int) Math.floorMod(x, 100L);
    }

    static long jsonLong(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + key + "\" in response: " + abbreviate(json));
        }
        return Long.parseLong(m.group(1));
    }

    static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    static long dirSize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    static void log(String s) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + s);
        System.out.flush();
    }

    // ------------------------------------------------------------------ report

    void writeReport() throws Exception {
        String md = report();
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        log("results written to " + results);
    }

    Phase phase(Kind kind, int clientCount) {
        return phases.stream().filter(p -> p.kind == kind && p.clients == clientCount).findFirst().orElse(null);
    }

    String report() throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# OpenCRM benchmark: IMEI lookup with ").append(String.format("%,d", count)).append(" handsets")
                .append(postgresql ? ", PostgreSQL, " + nodes + " node" + (nodes == 2 ? "s" : "") : "").append("\n\n");
        md.append("- Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT))).append('\n');
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc), ").append(memTotal())
                .append(" RAM (MemTotal); Karaf and the benchmark's HTTP clients share these cores\n");
        md.append("- Java: ").append(javaVersion()).append('\n');
        if (!postgresql) {
            md.append("- Karaf: `bin/karaf server`, heap ").append(javaMaxMem).append(", embedded Derby, HTTP port ").append(port).append('\n');
        } else {
            md.append("- Karaf: `bin/karaf server`, heap ").append(javaMaxMem).append(" per node, HTTP port")
                    .append(nodes == 2 ? "s " + ports[0] + " and " + ports[1] : " " + port).append('\n');
            md.append("- Database: ").append(pgVersion).append(", a throw-away cluster started by the benchmark on localhost (durable defaults: fsync and "
                    + "synchronous commit on; `max_connections = 200`, `max_prepared_transactions = 100`), the distribution pointed at it by "
                    + "`etc/org.ops4j.datasource-crm.cfg` only (pool as shipped: `pool.maxPoolSize = 24` per node; before 2026-12-07 the file said `pool.maxTotal`, which the pool ignores, and the pool had 2 connections)\n");
            if (nodes == 2) {
                md.append("- Two Karaf nodes on that database, each its own `karaf.name`; node 2 started (first start) once node 1 was ready after "
                        + "the load; client i talks to node i % 2 in every phase, the ceiling `GET /health` included (so 1 client = node 1 only). "
                        + "Two JVMs, PostgreSQL and the load generator share the same cores: these figures say little about how the platform "
                        + "scales with nodes\n");
            }
        }
        md.append("- Command: `distribution/benchmarks/run.sh --handsets").append(quick ? " --quick" : count != 1_000_000 ? " --count " + count : "")
                .append(postgresql ? " --postgresql" : "").append(nodes == 2 ? " --nodes 2" : "")
                .append(jfr ? " --jfr" : "").append(measureOnly ? " --measure-only" : "").append("`\n");
        md.append(String.format("- Each phase: %d s (after %d s unmeasured of the same requests), %s concurrent clients, java.net.http HTTP/1.1 with "
                + "keep-alive, each client sending the next request when the previous answered; warm-up before the phases: %s%n%n", durationS, preS,
                clients, warmup));

        md.append("## Summary against the goals\n\n| Metric | Measured | Goal | Verdict |\n|---|---|---|---|\n");
        for (int c : clients) {
            Phase h = phase(Kind.HANDSET, c);
            Phase ceil = phase(Kind.HEALTH, c);
            if (h == null || ceil == null || h.requests == 0 || ceil.requests == 0) {
                continue;
            }
            double ratio = h.rps() / ceil.rps();
            md.append(String.format("| Handset lookups ÷ ceiling, %d client%s | %,.0f ÷ %,.0f req/s = **%.0f %%** | ≥ %.0f %% | %s |%n", c, c == 1 ? "" : "s",
                    h.rps(), ceil.rps(), 100 * ratio, 100 * GOAL_RATIO, ratio >= GOAL_RATIO ? "PASS" : "**MISS**"));
        }
        for (int c : clients) {
            Phase h = phase(Kind.HANDSET, c);
            if (h == null || h.requests == 0) {
                continue;
            }
            md.append(String.format("| Handset lookup p99, %d client%s | **%.2f ms** (p50 %.2f ms) | ≤ %.0f ms | %s |%n", c, c == 1 ? "" : "s", h.ms[2], h.ms[0],
                    GOAL_P99_MS, h.ms[2] <= GOAL_P99_MS ? "PASS" : "**MISS**"));
        }
        if (!Double.isNaN(loadSeconds)) {
            md.append(String.format("| Bulk load of %,d units | %.0f s (%,.0f units/s) | (none) | info |%n", count, loadSeconds, count / loadSeconds));
        }
        md.append('\n');

        md.append("## Latency and throughput\n\nLatency in ms at the client (localhost). \"CPU\": share of the whole machine (all cores = 100 %) used by "
                + "Karaf" + (nodes == 2 ? " (both nodes)" : "") + (postgresql ? ", by PostgreSQL (the postmaster and its backends)" : "") + ", by this benchmark's clients, and by other processes during the phase (from /proc) — other processes above a few % disturb "
                + "the numbers. \"Karaf's JIT\": CPU of Karaf's C1/C2 compiler threads, in % of one core (still compiling = not yet warm). Handset lookups: random units of the loaded range, " + (100 - UNKNOWN_PERCENT - SECOND_SLOT_PERCENT)
                + " % by the first IMEI, " + SECOND_SLOT_PERCENT + " % by the second IMEI where the unit has one (else the first), " + UNKNOWN_PERCENT
                + " % unknown IMEIs (another TAC) answered 404; every answer is checked (status, and the IMEI in the body). Warranty checks: "
                + "the same IMEI mix (unknown ones answer 200 `NOT_REGISTERED`).\n\n");
        String pgCol = postgresql ? " / PostgreSQL" : "";
        md.append("| Request | Clients | Requests | req/s | p50 | p90 | p99 | p99.9 | max | mean | Errors | CPU Karaf" + pgCol + " / bench / other | Karaf's JIT "
                + "| CPU ms per request, Karaf" + pgCol + " / bench |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            String cpu = postgresql ? String.format("%.0f %% / %.0f %% / %.0f %% / %.0f %%", p.karafCpu, p.pgCpu, p.benchCpu, p.otherCpu)
                    : String.format("%.0f %% / %.0f %% / %.0f %%", p.karafCpu, p.benchCpu, p.otherCpu);
            String perRequest = postgresql ? String.format("%.3f / %.3f / %.3f", p.cpuMsPerRequest(p.karafCpu), p.cpuMsPerRequest(p.pgCpu),
                    p.cpuMsPerRequest(p.benchCpu)) : String.format("%.3f / %.3f", p.cpuMsPerRequest(p.karafCpu), p.cpuMsPerRequest(p.benchCpu));
            md.append(String.format("| %s | %d | %,d | %,.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %.2f | %d | %s | %.0f %% | %s |%n",
                    p.kind.label, p.clients, p.requests, p.rps(), p.ms[0], p.ms[1], p.ms[2], p.ms[3], p.ms[4], p.ms[5], p.errors, cpu,
                    100 * p.jitCpu, perRequest));
            if (p.firstError != null) {
                notes.add("First error of " + p.kind + " at " + p.clients + " clients: `" + p.firstError.replace("`", "'") + "`");
            }
        }
        if (nodes == 2) {
            md.append(String.format("%nRequests to node 1 / node 2 over all phases: %,d / %,d (1 client = node 1 only).%n",
                    phases.stream().mapToLong(p -> p.perNode[0]).sum(), phases.stream().mapToLong(p -> p.perNode[1]).sum()));
        }
        long notFound = phases.stream().filter(p -> p.kind == Kind.HANDSET).mapToLong(p -> p.notFound).sum();
        md.append(String.format("%nUnknown IMEIs answered 404 as expected: %,d.%n", notFound));
        int most = clients.get(clients.size() - 1);
        Phase ceil = phase(Kind.HEALTH, most);
        Phase floor = phase(Kind.UNAUTHENTICATED, most);
        Phase look = phase(Kind.HANDSET, most);
        if (ceil != null && floor != null && look != null && ceil.requests > 0 && floor.requests > 0 && look.requests > 0) {
            double c = ceil.cpuMsPerRequest(ceil.karafCpu);
            double f = floor.cpuMsPerRequest(floor.karafCpu);
            double l = look.cpuMsPerRequest(look.karafCpu);
            md.append(String.format("%nWhere the CPU went (%d clients, Karaf's CPU per request): `/health` %.3f ms; the JAX-RS application answering 401 "
                    + "(CXF, the authentication filter, a JSON error; no credentials checked, no data) %.3f ms = %.1f× the servlet, %.0f %% of the ceiling's "
                    + "req/s; a handset lookup %.3f ms = %.1f× the servlet, of which %.3f ms beyond the 401 (credential check, JPA and " + (postgresql ? "PostgreSQL" : "Derby") + ", the "
                    + "unit's JSON). The benchmark's clients spent %.3f ms per `/health` request: the ceiling is as much the load generator's limit "
                    + "as Karaf's.%n", most, c, f, f / c, 100 * floor.rps() / ceil.rps(), l, l / c, l - f, ceil.cpuMsPerRequest(ceil.benchCpu)));
        }

        md.append("\n## Start and load\n\n| Step | Time |\n|---|---|\n");
        starts.forEach((k, v) -> md.append(String.format("| %s | %.2f s |%n", k.substring(0, 1).toUpperCase(Locale.ROOT) + k.substring(1), v)));
        load.forEach((k, v) -> md.append(String.format("| %s | %s |%n", k, v)));
        if (!profile.isEmpty()) {
            md.append("\n## Profiles (JFR)\n\n");
            profile.forEach(l -> md.append(l.startsWith("  ") ? l : "- " + l).append('\n'));
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static String javaVersion() {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return "`" + out.replace("\n", " / ") + "`";
        } catch (Exception e) {
            return System.getProperty("java.version");
        }
    }
}
