import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * OpenCRM benchmark against an unpacked Karaf distribution (see README.md next to this file). Single-file program:
 * {@code java Benchmark.java --home DIR [--port 18181] [--password PW] [--sizes 100000,1000000] [--results FILE]}.
 * Normally driven by run.sh, which unpacks and configures the distribution first.
 *
 * Measures: cold start (fresh data dir) and warm start until the first 200 of GET /api/v1/contacts?limit=1; CSV
 * import throughput through POST /api/v1/contacts/import in files of 100,000 rows; search latency (p50/p95/p99)
 * single client and throughput with 4 concurrent clients at each data-set size.
 */
public class Benchmark {
    // ---- targets
    static final double TARGET_START_S = 8.0;
    static final double TARGET_SEARCH_P95_MS = 50.0;
    static final long TARGET_SEARCH_AT = 1_000_000;
    static final double TARGET_IMPORT_ROWS_S = 20_000;

    static final long SEED = 20240601L;
    static final int FILE_ROWS = 100_000;
    static final int WARMUP = 300;
    static final int REQUESTS = 2_000;
    static final int CLIENTS = 4;
    static final int WARM_TIMEOUT_S = 90;

    // ---- options
    Path home;
    int port = 18181;
    String password = "bench-Passw0rd!";
    List<Long> sizes = List.of(100_000L, 1_000_000L);
    Path results = Path.of("distribution/benchmarks/RESULTS.md");
    Path pidFile;
    String javaMaxMem = "2g";
    boolean restartWithData = true;
    boolean diagnose = true;
    boolean ceiling = true;
    /** from, rows, nanos of each measured REST import file, and the ceiling's seconds for the same rows (NaN: not measured) */
    final List<long[]> importRanges = new ArrayList<>();
    final List<Double> ceilingSeconds = new ArrayList<>();
    final List<String> ceilingIndexes = new ArrayList<>();
    boolean diagnoseOnly;
    boolean searchOnly;
    double importBudgetMinutes = 40;

    HttpClient http;
    String auth;
    Process karaf;
    int launches;
    long launchedAt;
    boolean warmFailed;

    // ---- collected results
    final Map<String, Double> starts = new LinkedHashMap<>();
    final List<String[]> importFiles = new ArrayList<>();
    long importedRows;
    double importNanos;
    long restImportStoppedAt = -1; // rows loaded through REST when the time budget ran out; -1: never
    long bulkRows;
    double bulkSeconds;
    double lastFileSeconds;
    int lastFileRows = FILE_ROWS;
    final List<String> diagnostics = new ArrayList<>();
    final List<SearchResult> searches = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** --postgresql: the distribution runs on a throw-away PostgreSQL cluster (PgCluster, on the class path) */
    boolean postgresql;
    PgCluster pg;
    static final String DATABASE = "crm_bench";

    public static void main(String[] args) throws Exception {
        Benchmark b = new Benchmark();
        b.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(b::killKaraf));
        try {
            b.run();
        } catch (Exception e) {
            System.err.println("BENCHMARK ABORTED: " + e.getMessage());
            b.killKaraf();
            b.writePartialReport(e.getMessage());
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
                case "--password" -> { password = v; i++; }
                case "--sizes" -> { sizes = Arrays.stream(v.split(",")).map(s -> Long.parseLong(s.strip().replace("_", ""))).sorted().toList(); i++; }
                case "--quick" -> sizes = List.of(10_000L, 50_000L);
                case "--results" -> { results = Path.of(v); i++; }
                case "--pid-file" -> { pidFile = Path.of(v); i++; }
                case "--java-max-mem" -> { javaMaxMem = v; i++; }
                case "--no-restart-with-data" -> restartWithData = false;
                case "--no-diagnose" -> diagnose = false;
                case "--no-ceiling" -> ceiling = false;
                case "--postgresql" -> postgresql = true;
                case "--diagnose-only" -> diagnoseOnly = true;
                case "--search-only" -> searchOnly = true;
                case "--import-budget-min" -> { importBudgetMinutes = Double.parseDouble(v); i++; }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--home DIR (the unpacked distribution) is required");
        }
    }

    void run() throws Exception {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(500)).build();
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        if (diagnoseOnly) {
            diagnose(-1);
            StringBuilder md = new StringBuilder("# OpenCRM: Derby query plans\n\n- Date: " + ZonedDateTime.now() + "\n\n");
            diagnostics.forEach(d -> md.append("- ").append(d).append('\n'));
            Files.writeString(results, md, StandardCharsets.UTF_8);
            System.out.println(md);
            return;
        }
        if (searchOnly) {
            // search again on the data of an earlier run (e.g. when the machine was busy during the full run)
            String ready = "/api/v1/contacts?q=13800000000&limit=1";
            try {
                starts.put("start on the existing data (first 200 of `?q=13800000000&limit=1`)", startKaraf(WARM_TIMEOUT_S, ready));
            } catch (IllegalStateException e) {
                stopKaraf();
                deleteTree(home.resolve("data/cache"));
                starts.put("start on the existing data, data/cache cleared (first 200 of `?q=13800000000&limit=1`)", startKaraf(180, ready));
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/contacts?limit=1")).header("Authorization", auth)
                    .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            long loaded = jsonLong(r.body(), "total");
            sizes = List.of(loaded);
            searches.add(search(loaded));
            stopKaraf();
            notes.add("Search-only run (`run.sh --search-only`) on the data left by the previous run; no import measured.");
            writeReport();
            return;
        }
        log("distribution: " + home + ", port " + port + ", sizes " + sizes);
        if (postgresql) {
            if (diagnoseOnly || searchOnly) {
                throw new IllegalArgumentException("--postgresql measures a fresh run only");
            }
            long t0 = System.nanoTime();
            pg = PgCluster.start(home.resolveSibling("postgresql-import"));
            pg.createDatabase(DATABASE);
            pg.configure(home, DATABASE);
            diagnose = false; // Derby's query plans
            notes.add("On PostgreSQL the \"other processes\" CPU includes PostgreSQL's own (the postmaster and its backends, which do the "
                    + "database's share of the import), not only unrelated processes.");
            log(String.format("%s on port %d, database %s (%.1f s)", pg.version(), pg.port(), DATABASE, (System.nanoTime() - t0) / 1e9));
        }

        // 1. start: cold (empty data dir), then warm (same data dir)
        starts.put("cold start (fresh data dir, creates schema + admin)", startKaraf(180));
        stopKaraf();
        warmStart("warm start (existing data dir, empty CRM)");

        // 2./3. import up to each size, measure search at each size
        long loaded = 0;
        for (long size : sizes) {
            while (loaded < size && restImportStoppedAt < 0) {
                int rows = (int) Math.min(FILE_ROWS, size - loaded);
                if (loaded > 0 && overBudget(loaded, rows)) {
                    restImportStoppedAt = loaded;
                    break;
                }
                importFile(loaded, rows);
                loaded += rows;
            }
            if (loaded < size) {
                if (postgresql) {
                    throw new IllegalStateException("the REST import went over its time budget; the direct bulk load is Derby's only");
                }
                // the REST import would take too long: load the rest straight into Derby so that search can be measured
                stopKaraf();
                bulkFill(loaded, size);
                loaded = size;
                warmStart(String.format("start after bulk load, %,d contacts", loaded));
            }
            searches.add(search(loaded));
        }
        if (restartWithData) {
            stopKaraf();
            try {
                // with data the unfiltered list is slow (it sorts and counts the whole table), so readiness is taken from a
                // search that needs no count, and the first unfiltered list call is timed on its own, after it
                warmStart(String.format("warm start with %,d contacts, first 200 of `?q=13800000000&limit=1`", loaded),
                        "/api/v1/contacts?q=13800000000&limit=1");
                HttpRequest list = HttpRequest.newBuilder(uri("/api/v1/contacts?limit=1")).header("Authorization", auth)
                        .timeout(Duration.ofMinutes(10)).GET().build();
                HttpResponse<String> r = http.send(list, HttpResponse.BodyHandlers.ofString());
                double s = (System.nanoTime() - launchedAt) / 1e9;
                starts.put(String.format("… then first 200 of `GET /api/v1/contacts?limit=1` (one request, no polling), since launch"), 
                        r.statusCode() == 200 ? s : Double.NaN);
                log(String.format("first unfiltered list call answered %d at %.1f s after launch", r.statusCode(), s));
            } catch (IllegalStateException e) {
                // recorded; go on with the report
            }
        }
        if (importedRows > 0 && ceiling) {
            // the ceiling of the import: Derby's own batched insert of the same rows, Karaf stopped (after the start
            // measurements, so they are not disturbed)
            stopKaraf();
            try {
                ceiling();
            } catch (Exception e) {
                notes.add(database() + " raw batched insert (ceiling) failed: " + e);
                log("ceiling failed: " + e);
            }
        }
        if (diagnose) {
            try {
                diagnose(loaded);
            } catch (Exception e) {
                diagnostics.add("diagnostics failed: " + e.getMessage());
                log("diagnostics failed: " + e);
            }
        }
        stopKaraf();
        writeReport();
        if (pg != null) {
            pg.close();
        }
    }

    void writeReport() throws Exception {
        if (pg != null) {
            notes.add(String.format("PostgreSQL database after the run: %,d MB (%s)", pg.databaseBytes(DATABASE) / (1024 * 1024), pg.version()));
        } else {
            notes.add(String.format("Derby data dir after the run: %,d MB", dirSize(home.resolve("data/crmdb")) / (1024 * 1024)));
        }
        String md = report();
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        log("results written to " + results);
    }

    /** On an abort: write what was measured so far, with the reason. */
    void writePartialReport(String reason) {
        try {
            notes.add(0, "**RUN ABORTED**: " + reason);
            if (!starts.isEmpty()) {
                writeReport();
            }
        } catch (Exception e) {
            System.err.println("could not write the partial report: " + e);
        }
    }

    // ------------------------------------------------------------------ Karaf lifecycle

    /** Starts on the existing data dir; on failure records it and falls back to a start with data/cache cleared. */
    void warmStart(String label) throws Exception {
        warmStart(label, "/api/v1/contacts?limit=1");
    }

    void warmStart(String label, String probe) throws Exception {
        try {
            starts.put(label, startKaraf(WARM_TIMEOUT_S, probe));
        } catch (IllegalStateException e) {
            starts.put(label + " — FAILED", Double.NaN);
            warmFailed = true;
            String cause = firstCause(home.resolve("data/log/karaf.log"));
            notes.add(label + " FAILED: " + e.getMessage().replace(home.toString(), "$KARAF_HOME") + (cause == null ? "" : "; karaf.log: `" + cause + "`"));
            log(label + " FAILED: " + e.getMessage() + (cause == null ? "" : "\n  karaf.log: " + cause));
            stopKaraf();
            deleteTree(home.resolve("data/cache"));
            log("retrying with data/cache (Karaf's bundle cache) deleted; data/crmdb kept");
            String retry = label.replace("warm start", "restart with data/cache cleared (crmdb kept)");
            try {
                starts.put(retry, startKaraf(180, probe));
            } catch (IllegalStateException e2) {
                starts.put(retry + " — FAILED", Double.NaN);
                notes.add(retry + " FAILED too: " + e2.getMessage().replace(home.toString(), "$KARAF_HOME"));
                log(retry + " FAILED too: " + e2.getMessage());
                stopKaraf();
                throw e2;
            }
        }
    }

    static String firstCause(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith("Caused by:")).reduce((a, b) -> b).orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    double startKaraf(int timeoutSeconds) throws Exception {
        return startKaraf(timeoutSeconds, "/api/v1/contacts?limit=1");
    }

    double startKaraf(int timeoutSeconds, String probePath) throws Exception {
        launches++;
        Path console = home.getParent().resolve("karaf-console-" + launches + ".log");
        ProcessBuilder pb = new ProcessBuilder("setsid", home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(console.toFile());
        Map<String, String> env = pb.environment();
        String extra = env.getOrDefault("EXTRA_JAVA_OPTS", "");
        if (!extra.contains("disableZip64ExtraFieldValidation")) {
            env.put("EXTRA_JAVA_OPTS", (extra + " -Djdk.util.zip.disableZip64ExtraFieldValidation=true").strip());
        }
        env.put("JAVA_MAX_MEM", javaMaxMem);
        if (!env.get("EXTRA_JAVA_OPTS").contains("-Xmx")) {
            // Karaf 4.4's bin/inc no longer turns JAVA_MAX_MEM into -Xmx (the default would be 1/4 of the RAM)
            env.put("EXTRA_JAVA_OPTS", env.get("EXTRA_JAVA_OPTS") + " -Xmx" + javaMaxMem);
        }
        HttpRequest probe = HttpRequest.newBuilder(uri(probePath)).header("Authorization", auth)
                .timeout(Duration.ofMillis(1000)).GET().build();
        long t0 = System.nanoTime();
        launchedAt = t0;
        karaf = pb.start();
        if (pidFile != null) {
            Files.writeString(pidFile, Long.toString(karaf.pid()));
        }
        int lastStatus = -1;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            long tryAt = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(probe, HttpResponse.BodyHandlers.ofString());
                lastStatus = r.statusCode();
                if (lastStatus == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!karaf.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + karaf.exitValue() + " before answering; see " + console
                        + " and " + home.resolve("data/log/karaf.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no 200 from /api/v1/contacts within " + timeoutSeconds + " s (last status " + lastStatus + "); see "
                        + home.resolve("data/log/karaf.log"));
            }
            long sleep = 50 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tryAt);
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        log(String.format("start #%d: first 200 after %.2f s", launches, s));
        return s;
    }

    void stopKaraf() throws Exception {
        if (karaf == null) {
            return;
        }
        long t0 = System.nanoTime();
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!karaf.waitFor(90, TimeUnit.SECONDS)) {
            log("bin/stop did not stop Karaf within 90 s; killing it");
            killKaraf();
        }
        karaf.descendants().forEach(ProcessHandle::destroyForcibly);
        log(String.format("stopped in %.1f s", (System.nanoTime() - t0) / 1e9));
        karaf = null;
        if (pidFile != null) {
            Files.deleteIfExists(pidFile);
        }
    }

    void killKaraf() {
        Process p = karaf;
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** {total jiffies, busy jiffies, jiffies of Karaf and of this program} from /proc. */
    long[] cpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int k = 1; k < f.length; k++) {
                total += Long.parseLong(f[k]);
            }
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            long own = procJiffies(ProcessHandle.current().pid());
            Process p = karaf;
            if (p != null) {
                own += procJiffies(p.pid());
                for (ProcessHandle h : p.descendants().toList()) {
                    own += procJiffies(h.pid());
                }
            }
            return new long[] { total, total - idle, own };
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

    /** Share of the whole machine's CPU used by other processes (not Karaf, not this program) between a and b. */
    static double otherCpu(long[] a, long[] b) {
        if (a == null || b == null || b[0] == a[0]) {
            return Double.NaN;
        }
        return Math.max(0, 100.0 * ((b[1] - a[1]) - (b[2] - a[2])) / (b[0] - a[0]));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    // ------------------------------------------------------------------ import

    /**
     * True when importing the next file through REST would exceed the time budget. The import time per row grows
     * with the table, so the next file is projected from the last one scaled by the ratio of mean table sizes.
     */
    boolean overBudget(long loaded, int rows) {
        double lastMean = loaded - lastFileRows / 2.0;
        double nextMean = loaded + rows / 2.0;
        double projected = lastFileSeconds * Math.max(1, nextMean / Math.max(1, lastMean)) * rows / lastFileRows;
        double spent = importNanos / 1e9;
        if (spent + projected <= importBudgetMinutes * 60) {
            return false;
        }
        String msg = String.format("REST import stopped after %,d rows: %.0f s spent, the next file of %,d rows is projected at %.0f s, "
                + "over the budget of %.0f min (--import-budget-min). The remaining rows were loaded directly into Derby (JDBC, Karaf stopped) "
                + "so that search could be measured at every size; import rows/s counts REST only.", loaded, spent, rows, projected,
                importBudgetMinutes);
        notes.add(msg);
        log(msg);
        return true;
    }

    /** Loads contacts from..to-1 straight into CRM_CONTACT through embedded Derby (Karaf must be stopped). */
    void bulkFill(long from, long to) throws Exception {
        Path derbyHome = home.getParent().resolve("derby-client");
        Files.createDirectories(derbyHome);
        System.setProperty("derby.system.home", derbyHome.toString());
        String url = "jdbc:derby:" + home.resolve("data/crmdb");
        long t0 = System.nanoTime();
        log(String.format("bulk load of rows %,d..%,d straight into Derby", from + 1, to));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            List<String> cols = new ArrayList<>();
            List<Object> template = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            long id;
            try (java.sql.Statement st = c.createStatement()) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT * FROM CRM_CONTACT ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY")) {
                    if (!rs.next()) {
                        throw new IllegalStateException("CRM_CONTACT is empty; the bulk load copies the other columns from an imported row");
                    }
                    java.sql.ResultSetMetaData md = rs.getMetaData();
                    for (int k = 1; k <= md.getColumnCount(); k++) {
                        cols.add(md.getColumnName(k).toUpperCase(Locale.ROOT));
                        template.add(rs.getObject(k));
                        types.add(md.getColumnType(k));
                    }
                    id = rs.getLong("ID");
                }
            }
            String sql = "INSERT INTO CRM_CONTACT (" + String.join(",", cols) + ") VALUES (" + String.join(",", cols.stream().map(x -> "?").toList()) + ")";
            long firstId = id + 1;
            id += to - from;
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                // rows made as they go: up to a million of them would not fit the benchmark's heap at once
                java.util.Iterator<Object[]> rows = new java.util.Iterator<>() {
                    long i = from;

                    @Override
                    public boolean hasNext() {
                        return i < to;
                    }

                    @Override
                    public Object[] next() {
                        Person p = person(i);
                        Object[] v = new Object[cols.size()];
                        for (int k = 0; k < v.length; k++) {
                            v[k] = column(cols.get(k), p, firstId + i - from, template.get(k));
                        }
                        i++;
                        return v;
                    }
                };
                insertBatched(c, ps, rows, types);
            }
            // move the id generator (EclipseLink TABLE generator, allocationSize 1000) past the new ids
            try (java.sql.ResultSet rs = c.getMetaData().getColumns(null, null, "CRM_SEQUENCE", null)) {
                String nameCol = null;
                String countCol = null;
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    if (type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR) {
                        nameCol = rs.getString("COLUMN_NAME");
                    } else {
                        countCol = rs.getString("COLUMN_NAME");
                    }
                }
                try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE CRM_SEQUENCE SET " + countCol + " = ? WHERE " + nameCol + " = 'CONTACT'")) {
                    ps.setLong(1, (id / 1000 + 1) * 1000);
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("no CONTACT row in CRM_SEQUENCE");
                    }
                }
            }
            c.commit();
        }
        try {
            java.sql.DriverManager.getConnection(url + ";shutdown=true");
        } catch (java.sql.SQLException expected) {
            // 08006: database shut down
        }
        bulkRows += to - from;
        bulkSeconds += (System.nanoTime() - t0) / 1e9;
        log(String.format("bulk load: %,d rows in %.0f s", to - from, (System.nanoTime() - t0) / 1e9));
    }

    static final String HEADER = "name,mobile,email,gender,birthday,province,city,district,street,tags";

    /** Binds each row to {@code ps} and sends them in JDBC batches of 1,000 rows, committing after each batch and at the end. */
    static void insertBatched(java.sql.Connection c, java.sql.PreparedStatement ps, java.util.Iterator<Object[]> rows, List<Integer> types)
            throws java.sql.SQLException {
        int batch = 0;
        while (rows.hasNext()) {
            Object[] v = rows.next();
            for (int k = 0; k < v.length; k++) {
                if (v[k] == null) {
                    ps.setNull(k + 1, types.get(k));
                } else {
                    ps.setObject(k + 1, v[k]);
                }
            }
            ps.addBatch();
            if (++batch == 1000) {
                ps.executeBatch();
                c.commit();
                batch = 0;
            }
        }
        ps.executeBatch();
        c.commit();
    }

    /** The value of one CRM_CONTACT column for person {@code p} with {@code id}; columns the data set has no value for copy {@code template}. */
    static Object column(String col, Person p, long id, Object template) {
        return switch (col) {
            case "ID" -> id;
            case "NAME" -> p.name;
            case "NAMEKEY" -> p.name.toLowerCase(Locale.ROOT);
            case "MOBILE" -> p.mobile;
            case "EMAIL" -> p.email;
            case "EMAILKEY" -> p.email.toLowerCase(Locale.ROOT);
            case "GENDER" -> p.gender;
            case "BIRTHDAY" -> java.sql.Date.valueOf(p.birthday);
            case "PROVINCE" -> p.province;
            case "CITY" -> p.city;
            case "DISTRICT" -> p.district;
            case "STREET" -> p.street;
            case "TAGS" -> p.tags.isEmpty() ? null : "," + p.tags.replace('|', ',') + ",";
            default -> template;
        };
    }

    /**
     * The import's ceiling: Derby's raw batched insert of the same rows, file by file as the REST import sent them,
     * into CRM_CONTACT_CEILING, an empty copy of CRM_CONTACT with the same columns, primary key, unique constraint
     * and indexes (read from the database's metadata), in the same Derby database with Karaf stopped: one embedded
     * connection, one prepared INSERT of every column, JDBC batches of 1,000 rows and a commit after each (as the
     * import commits a chunk of 1,000). No parsing, validation or duplicate check. The copy is dropped afterwards.
     */
    void ceiling() throws Exception {
        if (postgresql) {
            ceilingPostgresql();
            return;
        }
        Path derbyHome = home.getParent().resolve("derby-client");
        Files.createDirectories(derbyHome);
        System.setProperty("derby.system.home", derbyHome.toString());
        // Derby's page cache as Karaf has it (etc/system.properties), so that the ceiling keeps as many index pages in memory
        for (String line : Files.readAllLines(home.resolve("etc/system.properties"), StandardCharsets.UTF_8)) {
            Matcher m = Pattern.compile("^\\s*(derby\\.storage\\.pageCacheSize)\\s*[=:]\\s*(\\d+)\\s*$").matcher(line);
            if (m.matches()) {
                System.setProperty(m.group(1), m.group(2));
                ceilingIndexes.add("derby.storage.pageCacheSize=" + m.group(2));
            }
        }
        String url = "jdbc:derby:" + home.resolve("data/crmdb");
        String copy = "CRM_CONTACT_CEILING";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            c.setAutoCommit(true);
            try (java.sql.Statement st = c.createStatement()) {
                try {
                    st.executeUpdate("DROP TABLE " + copy);
                } catch (java.sql.SQLException absent) {
                    // not left over from an earlier run
                }
                st.executeUpdate("CREATE TABLE " + copy + " AS SELECT * FROM CRM_CONTACT WITH NO DATA");
                for (String ddl : indexCopies(c, copy)) {
                    st.executeUpdate(ddl);
                    ceilingIndexes.add(ddl);
                }
            }
            fillCeiling(c, copy, "CRM_CONTACT");
        }
        try {
            java.sql.DriverManager.getConnection(url + ";shutdown=true");
        } catch (java.sql.SQLException expected) {
            // 08006: database shut down
        }
    }

    /**
     * The same ceiling on PostgreSQL: crm_contact_ceiling made with {@code LIKE crm_contact INCLUDING ALL} (columns,
     * primary key, unique constraints, indexes), filled over one connection with the URL, user and password Karaf's
     * DataSource has, JDBC batches of 1,000 rows and a commit after each; Karaf stopped; the copy dropped afterwards.
     */
    void ceilingPostgresql() throws Exception {
        Map<String, String> cfg = pg.dataSourceConfig(DATABASE);
        String copy = "crm_contact_ceiling";
        // the driver settings Karaf's DataSource has (reWriteBatchedInserts): the ceiling is PostgreSQL's best batched insert
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(cfg.get("url"), pg.connectionProperties(DATABASE))) {
            c.setAutoCommit(true);
            try (java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("DROP TABLE IF EXISTS " + copy);
                st.executeUpdate("CREATE TABLE " + copy + " (LIKE crm_contact INCLUDING ALL)");
                try (java.sql.ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = '" + copy + "' ORDER BY indexname")) {
                    while (rs.next()) {
                        ceilingIndexes.add(rs.getString(1));
                    }
                }
            }
            fillCeiling(c, copy, "crm_contact");
        }
    }

    /** Inserts the REST import's rows, file by file, into {@code copy} (same columns as {@code source}), timing each file; then drops the copy. */
    void fillCeiling(java.sql.Connection c, String copy, String source) throws Exception {
        c.setAutoCommit(false);
        List<String> cols = new ArrayList<>();
        List<Object> template = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        try (java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT * FROM " + source + " ORDER BY ID FETCH FIRST 1 ROWS ONLY")) {
            rs.next();
            java.sql.ResultSetMetaData md = rs.getMetaData();
            for (int k = 1; k <= md.getColumnCount(); k++) {
                cols.add(md.getColumnName(k).toUpperCase(Locale.ROOT));
                template.add(rs.getObject(k));
                types.add(md.getColumnType(k));
            }
        }
        String sql = "INSERT INTO " + copy + " (" + String.join(",", cols) + ") VALUES (" + String.join(",", cols.stream().map(x -> "?").toList()) + ")";
        long id = 0;
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (long[] f : importRanges) {
                // the rows' values are made before the clock starts, as the REST import's CSV is
                List<Object[]> rows = new ArrayList<>((int) f[1]);
                for (long i = f[0]; i < f[0] + f[1]; i++) {
                    Person p = person(i);
                    Object[] v = new Object[cols.size()];
                    id++;
                    for (int k = 0; k < cols.size(); k++) {
                        v[k] = column(cols.get(k), p, id, template.get(k));
                    }
                    rows.add(v);
                }
                long t0 = System.nanoTime();
                insertBatched(c, ps, rows.iterator(), types);
                double s = (System.nanoTime() - t0) / 1e9;
                ceilingSeconds.add(s);
                log(String.format("ceiling rows %,d..%,d: %s raw batched insert in %.1f s = %,.0f rows/s", f[0] + 1, f[0] + f[1], database(), s, f[1] / s));
            }
        }
        c.setAutoCommit(true);
        try (java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE " + copy);
        }
    }

    /** The database the distribution ran on, as the report names it. */
    String database() {
        return postgresql ? "PostgreSQL" : "Derby";
    }

    /** DDL giving {@code copy} the primary key, unique constraints and indexes CRM_CONTACT has (Derby names constraint indexes SQL...). */
    static List<String> indexCopies(java.sql.Connection c, String copy) throws java.sql.SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (java.sql.ResultSet rs = c.getMetaData().getIndexInfo(null, null, "CRM_CONTACT", false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null) {
                    continue;
                }
                String col = rs.getString("COLUMN_NAME") + ("D".equals(rs.getString("ASC_OR_DESC")) ? " DESC" : "");
                columns.computeIfAbsent(name, k -> new ArrayList<>()).add(col);
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        Map<String, String> constraints = new LinkedHashMap<>(); // backing index -> PRIMARY KEY / UNIQUE
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT cg.CONGLOMERATENAME, k.TYPE FROM SYS.SYSCONSTRAINTS k "
                + "JOIN SYS.SYSKEYS y ON y.CONSTRAINTID = k.CONSTRAINTID JOIN SYS.SYSCONGLOMERATES cg ON cg.CONGLOMERATEID = y.CONGLOMERATEID "
                + "JOIN SYS.SYSTABLES t ON t.TABLEID = k.TABLEID WHERE t.TABLENAME = 'CRM_CONTACT'");
                java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                constraints.put(rs.getString(1), "P".equals(rs.getString(2)) ? "PRIMARY KEY" : "UNIQUE");
            }
        }
        List<String> ddl = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<String>> e : columns.entrySet()) {
            String cols = String.join(", ", e.getValue());
            String kind = constraints.get(e.getKey());
            n++;
            if (kind != null) {
                ddl.add("ALTER TABLE " + copy + " ADD CONSTRAINT " + copy + "_K" + n + " " + kind + " (" + cols + ")");
            } else {
                ddl.add("CREATE " + (unique.get(e.getKey()) ? "UNIQUE " : "") + "INDEX " + copy + "_I" + n + " ON " + copy + " (" + cols + ")");
            }
        }
        return ddl;
    }

    void importFile(long from, int rows) throws Exception {
        importFile(from, rows, true);
    }

    void importFile(long from, int rows, boolean measured) throws Exception {
        StringBuilder sb = new StringBuilder(rows * 160);
        sb.append(HEADER).append('\n');
        for (long i = from; i < from + rows; i++) {
            Person p = person(i);
            sb.append(p.name).append(',').append(p.mobile).append(',').append(p.email).append(',').append(p.gender).append(',')
                    .append(p.birthday).append(',').append(p.province).append(',').append(p.city).append(',').append(p.district)
                    .append(',').append(p.street).append(',').append(p.tags).append('\n');
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(uri("/api/v1/contacts/import")).header("Authorization", auth)
                .header("Content-Type", "text/csv; charset=UTF-8").timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long[] c0 = cpu();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - t0;
        double other = otherCpu(c0, cpu());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("import of rows " + from + ".." + (from + rows - 1) + " answered HTTP " + r.statusCode()
                    + ": " + abbreviate(r.body()));
        }
        long total = jsonLong(r.body(), "total");
        long imported = jsonLong(r.body(), "imported");
        long failed = jsonLong(r.body(), "failed");
        if (total != rows || imported != rows || failed != 0) {
            throw new IllegalStateException(String.format("import of rows %d..%d: sent %d rows but total=%d imported=%d failed=%d; response: %s",
                    from, from + rows - 1, rows, total, imported, failed, abbreviate(r.body())));
        }
        if (!measured) {
            return;
        }
        importedRows += rows;
        importNanos += nanos;
        importRanges.add(new long[] { from, rows, nanos });
        lastFileSeconds = nanos / 1e9;
        lastFileRows = rows;
        double rps = rows / (nanos / 1e9);
        importFiles.add(new String[] { String.format("%,d–%,d", from + 1, from + rows), String.format("%,d", rows),
                String.format("%.1f", body.length / 1e6), String.format("%.1f", nanos / 1e9), String.format("%,.0f", rps),
                String.format("%.0f %%", other) });
        log(String.format("import rows %,d..%,d: %,d rows (%.1f MB) in %.1f s = %,.0f rows/s (other processes: %.0f%% CPU)", from + 1,
                from + rows, rows, body.length / 1e6, nanos / 1e9, rps, other));
    }

    static long jsonLong(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + key + "\" in response: " + abbreviate(json));
        }
        return Long.parseLong(m.group(1));
    }

    static String abbreviate(String s) {
        return s.length() > 1500 ? s.substring(0, 1500) + "…" : s;
    }

    // ------------------------------------------------------------------ diagnostics: Derby query plans

    /**
     * Restarts Karaf with Derby's query-plan logging on, runs a few searches of each kind and a 1,000-row import, and
     * summarises the plans (scan type, index, rows visited) of the statements on CRM_CONTACT. Full plans go to
     * target/derby-plans.log. Not part of the measurements.
     */
    void diagnose(long loaded) throws Exception {
        stopKaraf();
        Path props = home.resolve("derby.properties");
        Files.writeString(props, "derby.language.logQueryPlan=true\nderby.language.logStatementText=true\n");
        try {
            log("diagnostics: restart with Derby query-plan logging");
            // ready = a mobile search that needs no count; then time the first unfiltered list call alone
            String ready = "/api/v1/contacts?q=13800000000&limit=1";
            try {
                startKaraf(WARM_TIMEOUT_S, ready);
            } catch (IllegalStateException e) {
                stopKaraf();
                deleteTree(home.resolve("data/cache"));
                startKaraf(180, ready);
            }
            for (int k = 1; k <= 2; k++) {
                HttpRequest list = HttpRequest.newBuilder(uri("/api/v1/contacts?limit=1")).header("Authorization", auth)
                        .timeout(Duration.ofMinutes(10)).GET().build();
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(list, HttpResponse.BodyHandlers.ofString());
                String d = String.format("%s unfiltered list call after start, `GET /api/v1/contacts?limit=1` alone: HTTP %d in %.2f s%s",
                        k == 1 ? "First" : "Second", r.statusCode(), (System.nanoTime() - t0) / 1e9,
                        k == 1 ? " (counts all contacts for the total, then caches the total for 60 s)" : "");
                diagnostics.add(d);
                log(d);
            }
            String[] none = { null };
            if (loaded < 0) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/contacts?limit=1")).header("Authorization", auth).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                loaded = jsonLong(r.body(), "total");
                log(String.format("%,d contacts in the database", loaded));
            }
            for (Query q : queries(loaded, 60, SEED * 7 + loaded)) {
                time(q, none);
            }
            for (Query q : List.of(new Query("short", "王"), new Query("short", "138"))) {
                time(q, none);
            }
            importFile(loaded, 1000, false);
            stopKaraf();
        } finally {
            Files.deleteIfExists(props);
        }
        summarisePlans(home.resolve("derby.log"), home.getParent().resolve("derby-plans.log"));
    }

    void summarisePlans(Path derbyLog, Path out) throws IOException {
        if (!Files.exists(derbyLog)) {
            diagnostics.add("no derby.log found at " + derbyLog);
            return;
        }
        List<String> lines = Files.readAllLines(derbyLog, StandardCharsets.UTF_8);
        Pattern start = Pattern.compile("^(\\w{3} \\w{3} \\d{1,2} |\\d{4}-\\d{2}-\\d{2}[ T]).*");
        List<String> entries = new ArrayList<>();
        StringBuilder cur = null;
        for (String l : lines) {
            if (start.matcher(l).matches()) {
                if (cur != null) {
                    entries.add(cur.toString());
                }
                cur = new StringBuilder(l);
            } else if (cur != null) {
                cur.append('\n').append(l);
            }
        }
        if (cur != null) {
            entries.add(cur.toString());
        }
        Map<String, String> paramsBySession = new java.util.HashMap<>();
        Map<String, String[]> worst = new LinkedHashMap<>(); // class -> {statement, params, plan summary, rows visited}
        StringBuilder full = new StringBuilder();
        Pattern session = Pattern.compile("\\(SESSIONID = (\\d+)\\)");
        for (String e : entries) {
            Matcher sm = session.matcher(e);
            String sid = sm.find() ? sm.group(1) : "?";
            if (e.contains("Executing prepared statement:") && e.contains("begin parameter")) {
                paramsBySession.put(sid, e.substring(e.indexOf("begin parameter")).replaceAll("\\s+", " "));
                continue;
            }
            int star = e.indexOf("*******");
            if (star < 0 || !e.toUpperCase(Locale.ROOT).contains("CRM_CONTACT") || e.toUpperCase(Locale.ROOT).contains("SYS.")) {
                continue;
            }
            String stmt = e.substring(sm.find(0) ? sm.end() : 0, star).replaceFirst("^[,\\s]+", "").replaceAll("\\s+", " ").strip();
            String upper = stmt.toUpperCase(Locale.ROOT);
            String kind = upper.startsWith("INSERT") ? null
                    : upper.contains(" IN (") && upper.contains("MOBILE") ? "import: existing-mobile check (IN list)"
                    : upper.contains("COUNT(") && !upper.contains(" LIKE ") ? "list: count of all contacts (no filter)"
                    : upper.contains("COUNT(") ? "search: count" + likeColumn(upper)
                    : upper.contains(" LIKE ") ? "search: page" + likeColumn(upper) : null;
            if (kind == null) {
                continue;
            }
            String plan = e.substring(star);
            long visited = 0;
            List<String> keep = new ArrayList<>();
            for (String pl : plan.split("\n")) {
                String t = pl.strip();
                if (t.contains("ResultSet") || t.startsWith("Number of rows visited") || t.startsWith("Rows seen")
                        || t.startsWith("Number of rows qualified") || t.startsWith("Number of pages visited")) {
                    keep.add(t.replace("*******", "").strip());
                }
                Matcher vm = Pattern.compile("Number of rows visited\\s*=\\s*(\\d+)").matcher(t);
                if (vm.find()) {
                    visited = Math.max(visited, Long.parseLong(vm.group(1)));
                }
            }
            String params = paramsBySession.getOrDefault(sid, "");
            full.append("== ").append(kind).append('\n').append(stmt).append('\n').append(params).append('\n').append(plan).append("\n\n");
            String[] prev = worst.get(kind);
            if (prev == null || Long.parseLong(prev[3]) < visited) {
                worst.put(kind, new String[] { stmt, params, String.join("; ", keep), Long.toString(visited) });
            }
        }
        Files.writeString(out, full.toString(), StandardCharsets.UTF_8);
        worst.forEach((k, v) -> diagnostics.add(String.format("**%s** — worst case: %,d rows visited.%n  - SQL: `%s`%n  - parameters: `%s`%n  - plan: %s",
                k, Long.parseLong(v[3]), abbreviate(v[0]), abbreviate(v[1]), abbreviate(v[2]))));
        log("query plans: " + worst.size() + " statement kinds summarised; full plans in " + out);
    }

    static String likeColumn(String upper) {
        return upper.contains("NAMEKEY LIKE") ? " (name)" : upper.contains("EMAILKEY LIKE") ? " (e-mail)" : upper.contains("MOBILE LIKE") ? " (mobile)" : "";
    }

    // ------------------------------------------------------------------ search

    record Query(String kind, String q) {
    }

    record SearchResult(long contacts, Map<String, double[]> perKind, double[] all, int emptyResults, int errors,
            double[] concurrent, double concurrentRps, int concurrentErrors, String firstError, double otherCpuSeq, double otherCpuConc) {
    }

    List<Query> queries(long loaded, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Query> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Person p = person(r.nextLong(loaded));
            int kind = r.nextInt(100);
            if (kind < 40) {
                out.add(new Query("mobile", p.mobile.substring(0, 7 + r.nextInt(5)))); // 7..11 digits
            } else if (kind < 80) {
                out.add(new Query("name", p.surname + p.given.substring(0, 1)));
            } else {
                int at = p.email.indexOf('@');
                out.add(new Query("email", p.email.substring(0, at + 1 + r.nextInt(3)))); // "local@" + 0..2 chars
            }
        }
        return out;
    }

    SearchResult search(long loaded) throws Exception {
        log(String.format("search at %,d contacts: %d warm-up + %d sequential requests, then %d with %d clients", loaded, WARMUP,
                REQUESTS, REQUESTS, CLIENTS));
        String[] firstError = { null };
        for (Query q : queries(loaded, WARMUP, SEED + loaded)) {
            time(q, firstError);
        }
        List<Query> qs = queries(loaded, REQUESTS, SEED * 31 + loaded);
        long[] c0 = cpu();
        Map<String, List<Long>> byKind = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>();
        int empty = 0;
        int errors = 0;
        for (Query q : qs) {
            long[] t = time(q, firstError);
            if (t[1] < 0) {
                errors++;
                continue;
            }
            if (t[1] == 0) {
                empty++;
            }
            all.add(t[0]);
            byKind.computeIfAbsent(q.kind, k -> new ArrayList<>()).add(t[0]);
        }
        Map<String, double[]> perKind = new LinkedHashMap<>();
        byKind.forEach((k, v) -> perKind.put(k, stats(v)));
        double[] seq = stats(all);
        double otherSeq = otherCpu(c0, cpu());
        log(String.format("  sequential: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d empty results, %d errors)", seq[0], seq[1], seq[2],
                empty, errors));
        perKind.forEach((k, v) -> log(String.format("    %-6s n=%4.0f p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", k, v[5], v[0],
                v[1], v[2], v[4])));

        // concurrent: the same number of requests split over CLIENTS threads
        List<Query> cq = queries(loaded, REQUESTS, SEED * 17 + loaded);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Long> clat = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong cerr = new AtomicLong();
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        long[] c1 = cpu();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            fs.add(pool.submit(() -> {
                for (int k = client; k < cq.size(); k += CLIENTS) {
                    try {
                        long[] t = time(cq.get(k), firstError);
                        if (t[1] < 0) {
                            cerr.incrementAndGet();
                        } else {
                            clat.add(t[0]);
                        }
                    } catch (Exception e) {
                        cerr.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double otherConc = otherCpu(c1, cpu());
        pool.shutdown();
        double[] conc = stats(new ArrayList<>(clat));
        double rps = clat.size() / wall;
        log(String.format("  %d clients: %,.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d errors)", CLIENTS, rps, conc[0], conc[1],
                conc[2], cerr.get()));
        log(String.format("  other processes used %.0f%% (sequential) / %.0f%% (concurrent) of the machine's CPU", otherSeq, otherConc));
        // the same 10 queries over and over: compiled once, then served from Derby's statement cache
        List<Query> ten = queries(loaded, 10, SEED * 13 + loaded);
        for (Query q : ten) {
            time(q, firstError);
        }
        List<Long> rep = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            long[] t = time(ten.get(k % 10), firstError);
            if (t[1] >= 0) {
                rep.add(t[0]);
            }
        }
        double[] repeated = stats(rep);
        perKind.put("10 queries repeated (1 client)", repeated);
        log(String.format("  10 queries repeated 50 times each: p50 %.1f ms, p95 %.1f ms", repeated[0], repeated[1]));
        return new SearchResult(loaded, perKind, seq, empty, errors, conc, rps, (int) cerr.get(), firstError[0], otherSeq, otherConc);
    }

    /** Returns {nanos, items returned} or {nanos, -1} on an error. */
    long[] time(Query q, String[] firstError) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(uri("/api/v1/contacts?q=" + URLEncoder.encode(q.q, StandardCharsets.UTF_8) + "&limit=20"))
                .header("Authorization", auth).header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - t0;
        if (r.statusCode() != 200) {
            synchronized (firstError) {
                if (firstError[0] == null) {
                    firstError[0] = "q=" + q.q + " → HTTP " + r.statusCode() + " " + abbreviate(r.body());
                }
            }
            return new long[] { nanos, -1 };
        }
        // count items by their "id" keys at the top level of each item (cheap, good enough for a non-empty check)
        int items = r.body().contains("\"items\":[]") ? 0 : 1;
        return new long[] { nanos, items };
    }

    /** p50, p95, p99, mean, max, n in milliseconds. */
    static double[] stats(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0 };
        }
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(a).average().orElse(0);
        return new double[] { pct(a, 50), pct(a, 95), pct(a, 99), mean / 1e6, a[a.length - 1] / 1e6, a.length };
    }

    static double pct(long[] sorted, double p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1; // nearest-rank
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    // ------------------------------------------------------------------ deterministic data

    record Person(String surname, String given, String name, String mobile, String email, String gender, String birthday,
            String province, String city, String district, String street, String tags) {
    }

    /** Surname, pinyin, weight (per mille, roughly the 2020 census shares). */
    static final String[] SURNAMES = ("王 wang 71,李 li 70,张 zhang 66,刘 liu 54,陈 chen 45,杨 yang 31,黄 huang 22,赵 zhao 20,吴 wu 19,"
            + "周 zhou 19,徐 xu 14,孙 sun 14,马 ma 12,朱 zhu 11,胡 hu 11,郭 guo 11,何 he 10,林 lin 9,高 gao 10,罗 luo 9,郑 zheng 9,"
            + "梁 liang 8,谢 xie 7,宋 song 6,唐 tang 6,许 xu 5,韩 han 5,冯 feng 5,邓 deng 5,曹 cao 5,彭 peng 5,曾 zeng 5,肖 xiao 5,"
            + "田 tian 4,董 dong 4,袁 yuan 4,潘 pan 4,于 yu 4,蒋 jiang 4,蔡 cai 4,余 yu 4,杜 du 4,叶 ye 4,程 cheng 4,苏 su 3,魏 wei 3,"
            + "吕 lv 3,丁 ding 3,任 ren 3,沈 shen 3,姚 yao 3,卢 lu 3,姜 jiang 3,崔 cui 3,钟 zhong 3,谭 tan 3,陆 lu 3,汪 wang 3,范 fan 3,"
            + "金 jin 3,石 shi 3,廖 liao 3,贾 jia 2,夏 xia 2,韦 wei 2,付 fu 2,方 fang 2,白 bai 2,邹 zou 2,孟 meng 2,熊 xiong 2,秦 qin 2,"
            + "邱 qiu 2,江 jiang 2,尹 yin 2,薛 xue 2,闫 yan 2,段 duan 2,雷 lei 2,侯 hou 2,龙 long 2,史 shi 2,陶 tao 2,黎 li 2,贺 he 2,"
            + "顾 gu 2,毛 mao 2,郝 hao 2,龚 gong 2,邵 shao 2,万 wan 2,钱 qian 2,欧阳 ouyang 1,司马 sima 1,诸葛 zhuge 1").split(",");
    static final String[] MALE = ("伟 wei,强 qiang,磊 lei,军 jun,勇 yong,杰 jie,涛 tao,斌 bin,超 chao,明 ming,刚 gang,平 ping,辉 hui,"
            + "鹏 peng,华 hua,飞 fei,鑫 xin,波 bo,宇 yu,浩 hao,凯 kai,健 jian,俊 jun,帆 fan,帅 shuai,旭 xu,宁 ning,龙 long,林 lin,欢 huan,"
            + "阳 yang,建 jian,国 guo,志 zhi,文 wen,博 bo,天 tian,子 zi,晨 chen,轩 xuan,海 hai,东 dong,峰 feng,亮 liang,成 cheng,振 zhen,"
            + "家 jia,德 de").split(",");
    static final String[] FEMALE = ("芳 fang,娜 na,敏 min,静 jing,丽 li,艳 yan,娟 juan,霞 xia,秀 xiu,玲 ling,桂 gui,英 ying,婷 ting,"
            + "雪 xue,慧 hui,莹 ying,红 hong,梅 mei,琳 lin,颖 ying,倩 qian,洁 jie,佳 jia,欣 xin,怡 yi,萍 ping,燕 yan,晶 jing,璐 lu,瑶 yao,"
            + "雨 yu,思 si,梦 meng,晓 xiao,春 chun,兰 lan,月 yue,丹 dan,琴 qin,云 yun,诗 shi,涵 han,悦 yue,蕾 lei").split(",");
    static final String[] PLACES = {
            "广东省:广州市=天河区|越秀区|海珠区|白云区|番禺区;深圳市=南山区|福田区|宝安区|龙岗区|罗湖区;东莞市=南城街道|东城街道|长安镇|虎门镇;佛山市=禅城区|南海区|顺德区",
            "江苏省:南京市=玄武区|秦淮区|鼓楼区|江宁区;苏州市=姑苏区|吴中区|工业园区|昆山市;无锡市=梁溪区|滨湖区|新吴区",
            "浙江省:杭州市=西湖区|上城区|拱墅区|滨江区|余杭区;宁波市=海曙区|鄞州区|江北区;温州市=鹿城区|瓯海区|乐清市",
            "山东省:济南市=历下区|市中区|槐荫区;青岛市=市南区|市北区|黄岛区|崂山区;烟台市=芝罘区|莱山区",
            "河南省:郑州市=金水区|中原区|二七区|管城回族区;洛阳市=西工区|老城区|涧西区",
            "四川省:成都市=锦江区|青羊区|武侯区|成华区|高新区;绵阳市=涪城区|游仙区",
            "湖北省:武汉市=江岸区|江汉区|武昌区|洪山区;宜昌市=西陵区|伍家岗区",
            "湖南省:长沙市=芙蓉区|天心区|岳麓区|开福区;株洲市=天元区|芦淞区",
            "河北省:石家庄市=长安区|桥西区|新华区;保定市=竞秀区|莲池区",
            "福建省:福州市=鼓楼区|台江区|仓山区;厦门市=思明区|湖里区|集美区;泉州市=鲤城区|丰泽区|晋江市",
            "北京市:北京市=朝阳区|海淀区|东城区|西城区|丰台区|通州区",
            "上海市:上海市=浦东新区|徐汇区|静安区|黄浦区|闵行区|长宁区",
            "天津市:天津市=和平区|河西区|南开区|滨海新区",
            "重庆市:重庆市=渝中区|江北区|南岸区|渝北区|沙坪坝区",
            "陕西省:西安市=雁塔区|碑林区|未央区|莲湖区",
            "安徽省:合肥市=蜀山区|包河区|庐阳区;芜湖市=镜湖区|弋江区",
            "辽宁省:沈阳市=和平区|沈河区|皇姑区;大连市=中山区|西岗区|甘井子区",
            "云南省:昆明市=五华区|盘龙区|官渡区",
            "广西壮族自治区:南宁市=青秀区|兴宁区|西乡塘区;桂林市=秀峰区|七星区",
            "江西省:南昌市=东湖区|西湖区|红谷滩区" };
    static final String[] STREETS = "人民路,解放路,中山路,建设路,和平路,新华路,文化路,胜利路,朝阳路,长江路,黄河路,幸福路,光明路,青年路,友谊路,工业大道,滨江大道,科技路,学府路,世纪大道"
            .split(",");
    static final String[] TAGS = "VIP,老客户,会员,潜在客户,门店到访,线上咨询,以旧换新,延保客户,团购,经销商推荐".split(",");
    static final String[] MOBILE_PREFIXES = ("130,131,132,133,134,135,136,137,138,139,150,151,152,153,155,156,157,158,159,166,"
            + "170,171,173,175,176,177,178,180,181,182,183,184,185,186,187,188,189,191,195,198,199").split(",");
    static final String[] DOMAINS = "qq.com,qq.com,qq.com,qq.com,163.com,163.com,126.com,sina.com,foxmail.com,139.com,hotmail.com,gmail.com,yeah.net"
            .split(",");

    static final String[][] SURNAME_TABLE;
    static final int[] SURNAME_CUMULATIVE;
    static final String[][][] PLACE_TABLE; // [province][city] = {province, city, districts...}
    static {
        SURNAME_TABLE = new String[SURNAMES.length][];
        SURNAME_CUMULATIVE = new int[SURNAMES.length];
        int sum = 0;
        for (int i = 0; i < SURNAMES.length; i++) {
            String[] p = SURNAMES[i].strip().split(" ");
            SURNAME_TABLE[i] = p;
            sum += Integer.parseInt(p[2]);
            SURNAME_CUMULATIVE[i] = sum;
        }
        PLACE_TABLE = new String[PLACES.length][][];
        for (int i = 0; i < PLACES.length; i++) {
            String[] pc = PLACES[i].split(":");
            String[] cities = pc[1].split(";");
            PLACE_TABLE[i] = new String[cities.length][];
            for (int j = 0; j < cities.length; j++) {
                String[] cd = cities[j].split("=");
                List<String> row = new ArrayList<>(List.of(pc[0], cd[0]));
                row.addAll(List.of(cd[1].split("\\|")));
                PLACE_TABLE[i][j] = row.toArray(String[]::new);
            }
        }
    }

    /** Contact number i (0-based), always the same for the same i; mobiles and e-mails are unique for i < 10^8. */
    static Person person(long i) {
        SplittableRandom r = new SplittableRandom(SEED ^ (i * 0x9E3779B97F4A7C15L));
        int w = r.nextInt(SURNAME_CUMULATIVE[SURNAME_CUMULATIVE.length - 1]);
        int s = 0;
        while (SURNAME_CUMULATIVE[s] <= w) {
            s++;
        }
        String surname = SURNAME_TABLE[s][0];
        String surnamePinyin = SURNAME_TABLE[s][1];
        boolean male = r.nextBoolean();
        String[] chars = male ? MALE : FEMALE;
        int len = r.nextInt(10) < 4 ? 1 : 2;
        StringBuilder given = new StringBuilder();
        StringBuilder givenPinyin = new StringBuilder();
        for (int k = 0; k < len; k++) {
            String[] c = chars[r.nextInt(chars.length)].split(" ");
            given.append(c[0]);
            givenPinyin.append(c[1]);
        }
        // mobile: a bijective scramble of i gives a unique 8-digit suffix; the 3-digit prefix is random
        long suffix = Math.floorMod(i * 54_435_761L + 31_415_926L, 100_000_000L);
        String mobile = MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", suffix);
        String domain = DOMAINS[r.nextInt(DOMAINS.length)];
        String local;
        if (domain.equals("qq.com") && r.nextBoolean()) {
            local = Long.toString(100_000_000L + Math.floorMod(i * 48_271L + 2_718_281L, 1_000_000_000L)); // QQ number, unique
        } else {
            String sep = switch (r.nextInt(3)) { case 0 -> "."; case 1 -> "_"; default -> ""; };
            local = surnamePinyin + sep + givenPinyin + i; // the trailing number (i itself) keeps it unique
        }
        String email = local + "@" + domain;
        String gender = r.nextInt(20) == 0 ? "UNKNOWN" : male ? "MALE" : "FEMALE";
        String birthday = String.format("%04d-%02d-%02d", 1950 + r.nextInt(56), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String[][] province = PLACE_TABLE[r.nextInt(PLACE_TABLE.length)];
        String[] city = province[r.nextInt(province.length)];
        String district = city[2 + r.nextInt(city.length - 2)];
        String street = STREETS[r.nextInt(STREETS.length)] + (1 + r.nextInt(999)) + "号";
        StringBuilder tags = new StringBuilder();
        int nt = r.nextInt(4);
        for (int k = 0; k < nt; k++) {
            String t = TAGS[r.nextInt(TAGS.length)];
            if (tags.indexOf(t) < 0) {
                tags.append(tags.length() == 0 ? "" : "|").append(t);
            }
        }
        return new Person(surname, given.toString(), surname + given, mobile, email, gender, birthday, city[0], city[1], district,
                street, tags.toString());
    }

    // ------------------------------------------------------------------ report

    String report() throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# OpenCRM benchmark results\n\n");
        md.append("- Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT))).append('\n');
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc), ").append(memTotal())
                .append(" RAM (MemTotal)\n");
        md.append("- Java: ").append(javaVersion()).append('\n');
        md.append("- Karaf: `bin/karaf server`, JAVA_MAX_MEM=").append(javaMaxMem).append(postgresql ? ", PostgreSQL (throw-away cluster, durable settings), HTTP port " : ", embedded Derby, HTTP port ").append(port)
                .append('\n');
        md.append("- Data set: ").append(sizes.stream().map(s -> String.format("%,d", s)).toList())
                .append(" contacts, generated deterministically (seed ").append(SEED).append("), loaded through `POST /api/v1/contacts/import`\n");
        md.append("- Command: `distribution/benchmarks/run.sh").append(searchOnly ? " --search-only" : sizes.equals(List.of(100_000L, 1_000_000L)) ? ""
                : sizes.equals(List.of(10_000L, 50_000L)) ? " --quick" : " --sizes " + String.join(",", sizes.stream().map(String::valueOf).toList()))
                .append(postgresql ? " --postgresql" : "").append(diagnose ? "" : " --no-diagnose").append("`\n\n");

        md.append("## Summary against targets\n\n| Metric | Measured | Target | Verdict |\n|---|---|---|---|\n");
        double cold = starts.values().iterator().next();
        boolean first = !searchOnly;
        if (first) {
            md.append(String.format("| Cold start to first 200 of `GET /api/v1/contacts?limit=1` | %.2f s | ≤ %.0f s | %s |%n", cold, TARGET_START_S,
                    verdictMax(cold, TARGET_START_S)));
        }
        for (Map.Entry<String, Double> e : starts.entrySet()) {
            if (first) {
                first = false;
                continue;
            }
            md.append(String.format("| %s | %s | ≤ %.0f s | %s |%n", e.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + e.getKey().substring(1),
                    e.getValue().isNaN() ? "no 200 within " + WARM_TIMEOUT_S + " s" : String.format("%.2f s", e.getValue()), TARGET_START_S,
                    e.getValue().isNaN() ? "**FAILED** (see Notes)" : verdictMax(e.getValue(), TARGET_START_S)));
        }
        SearchResult atTarget = searches.stream().filter(s -> s.contacts == TARGET_SEARCH_AT).findFirst().orElse(null);
        for (SearchResult s : searches) {
            boolean target = s == atTarget;
            md.append(String.format("| Search p95 at %,d contacts (1 client) | %.1f ms | %s | %s |%n", s.contacts, s.all[1],
                    target ? "≤ 50 ms" : "(≤ 50 ms at 1,000,000)", target ? verdictMax(s.all[1], TARGET_SEARCH_P95_MS)
                            : "info: " + verdictMax(s.all[1], TARGET_SEARCH_P95_MS)));
        }
        if (atTarget == null) {
            md.append("| Search p95 at 1,000,000 contacts | not measured (smaller sizes) | ≤ 50 ms | — |\n");
        }
        double overall = importedRows / (importNanos / 1e9);
        if (importedRows > 0) {
            md.append(String.format("| CSV import, overall | %,.0f rows/s | ≥ %,.0f rows/s | %s |%n", overall, TARGET_IMPORT_ROWS_S,
                    verdictMin(overall, TARGET_IMPORT_ROWS_S)));
            if (ceilingSeconds.size() == importRanges.size() && !ceilingSeconds.isEmpty()) {
                double raw = importedRows / ceilingSeconds.stream().mapToDouble(Double::doubleValue).sum();
                md.append(String.format("| CSV import vs " + database() + "'s raw batched insert of the same rows, same run (%,.0f rows/s) | %.0f %% | (moonshot ≥ 50 %%) | %s |%n",
                        raw, 100 * overall / raw, overall / raw >= 0.5 ? "info: PASS" : "info: MISS"));
            }
        }
        md.append('\n');

        md.append("## Start\n\nTime from launching `bin/karaf server` until the first HTTP 200 of `GET /api/v1/contacts?limit=1` "
                + "(polled every 50 ms, 1 s HTTP timeout).\n\n| Start | Seconds |\n|---|---|\n");
        starts.forEach((k, v) -> md.append(v.isNaN() ? String.format("| %s | no 200 within %d s |%n", k, WARM_TIMEOUT_S)
                : String.format("| %s | %.2f |%n", k, v)));

        md.append("\n## CSV import\n\n`POST /api/v1/contacts/import`, `text/csv` UTF-8, files of up to 100,000 rows, columns `")
                .append(HEADER).append("`; every file verified `imported == rows`, `failed == 0`. Time = the HTTP request only.\n\n");
        boolean withCeiling = ceilingSeconds.size() == importFiles.size() && !ceilingSeconds.isEmpty();
        if (withCeiling) {
            md.append("Ceiling, measured in the same run after the start measurements: " + database() + "'s raw batched insert of the same rows, file by file, "
                    + "into an empty copy of CRM_CONTACT with the same columns, primary key, unique constraint and indexes in the same "
                    + "database, Karaf stopped: one " + (postgresql ? "JDBC connection with Karaf's URL, user, password and driver settings (reWriteBatchedInserts)" : "embedded connection")
                    + ", one prepared INSERT, JDBC batches of 1,000 rows, a commit after each "
                    + "(the import commits a chunk of 1,000 rows); no parsing, validation, duplicate checks or HTTP. The copy is dropped afterwards.\n\n");
            md.append("| Rows | Count | MB | Seconds | Rows/s | Other processes' CPU | " + database() + " raw batched insert, s | rows/s | Import / raw |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
        } else {
            md.append("| Rows | Count | MB | Seconds | Rows/s | Other processes' CPU |\n|---|---|---|---|---|---|\n");
        }
        for (int i = 0; i < importFiles.size(); i++) {
            String[] f = importFiles.get(i);
            md.append("| ").append(String.join(" | ", f));
            if (withCeiling) {
                long rows = importRanges.get(i)[1];
                double rest = importRanges.get(i)[2] / 1e9;
                double raw = ceilingSeconds.get(i);
                md.append(String.format(" | %.1f | %,.0f | %.0f %%", raw, rows / raw, 100 * raw / rest));
            }
            md.append(" |\n");
        }
        if (withCeiling) {
            double raw = ceilingSeconds.stream().mapToDouble(Double::doubleValue).sum();
            md.append(String.format("| **overall** | **%,d** | | **%.1f** | **%,.0f** | | **%.1f** | **%,.0f** | **%.0f %%** |%n", importedRows,
                    importNanos / 1e9, overall, raw, importedRows / raw, 100 * raw / (importNanos / 1e9)));
            md.append(postgresql ? "\nThe copy's keys and indexes (pg_indexes): " : "\nThe ceiling's Derby page cache and the copy's keys and indexes, as read from Karaf's etc/system.properties and CRM_CONTACT: ").append(String.join("; ", ceilingIndexes.stream().map(d -> "`" + d + "`").toList()))
                    .append(".\n");
        } else {
            md.append(String.format("| **overall** | **%,d** | | **%.1f** | **%,.0f** | |%n", importedRows, importNanos / 1e9, overall));
        }
        if (bulkRows > 0) {
            md.append(String.format("%nNot counted above: %,d rows loaded directly into Derby over JDBC in %.0f s (%,.0f rows/s), because the REST "
                    + "import ran over its time budget (see Notes).%n", bulkRows, bulkSeconds, bulkRows / bulkSeconds));
        }

        md.append("\n## Search\n\n`GET /api/v1/contacts?q=<prefix>&limit=20`; queries drawn from the loaded contacts: 40% mobile prefixes "
                + "(7–11 digits), 40% name prefixes (surname + first character of the given name), 20% e-mail prefixes (local part + `@` + "
                + "0–2 characters of the domain). ").append(WARMUP).append(" warm-up requests, then ").append(REQUESTS)
                .append(" sequential requests (1 client), then ").append(REQUESTS).append(" requests over ").append(CLIENTS)
                .append(" concurrent clients. Latency in ms, measured at the client. \"Other processes' CPU\": share of the whole machine's CPU used by "
                + "processes other than Karaf and the benchmark during the phase (from /proc) — anything above a few % means the numbers are "
                + "disturbed.\n\n");
        md.append("| Contacts | Queries | n | p50 | p95 | p99 | mean | max |\n|---|---|---|---|---|---|---|---|\n");
        for (SearchResult s : searches) {
            md.append(row(s.contacts, "all (1 client)", s.all));
            s.perKind.forEach((k, v) -> md.append(row(s.contacts, k, v)));
            md.append(row(s.contacts, CLIENTS + " clients", s.concurrent));
        }
        md.append("\n| Contacts | Throughput, ").append(CLIENTS).append(" clients | Throughput, 1 client | Empty results | Errors "
                + "| Other processes' CPU (1 client / " + CLIENTS + " clients) |\n|---|---|---|---|---|---|\n");
        for (SearchResult s : searches) {
            md.append(String.format("| %,d | %,.0f req/s | %,.0f req/s | %d | %d | %.0f %% / %.0f %% |%n", s.contacts, s.concurrentRps, 1000.0 / s.all[3],
                    s.emptyResults, s.errors + s.concurrentErrors, s.otherCpuSeq, s.otherCpuConc));
            if (s.firstError != null) {
                notes.add("First search error at " + s.contacts + ": " + s.firstError);
            }
        }
        if (!diagnostics.isEmpty()) {
            md.append("\n## Diagnostics: Derby query plans\n\nAfter the measurements Karaf was restarted with `derby.language.logQueryPlan=true`, "
                    + "a few searches of each kind and a 1,000-row import were run; per statement kind, the execution with the most rows "
                    + "visited (full plans: `distribution/benchmarks/target/derby-plans.log`):\n\n");
            diagnostics.forEach(d -> md.append("- ").append(d).append('\n'));
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    static String row(long contacts, String kind, double[] v) {
        return String.format("| %,d | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", contacts, kind, v[5], v[0], v[1], v[2], v[3], v[4]);
    }

    static String verdictMax(double measured, double target) {
        return measured <= target ? String.format("PASS (%.1f× under the limit)", target / measured)
                : String.format("**MISS** (%.1f× over the limit)", measured / target);
    }

    static String verdictMin(double measured, double target) {
        return measured >= target ? String.format("PASS (%.1f× the target)", measured / target)
                : String.format("**MISS** (%.1f× below the target)", target / measured);
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

    static long dirSize(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void log(String s) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + s);
        System.out.flush();
    }
}
