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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The franchise audit results (issue 16 item 11) on the assembled distribution: unpacked Karaf, embedded Derby on disk
 * (data/crmdb), over real HTTP with Basic authentication. {@code run.sh --audit} unpacks the distribution and calls
 * {@code java AuditBenchmark.java --home DIR --port P --ssh-port S --password PW [--stores 10000] [--months 24]
 * [--items 60] [--quick] [--plans] --results FILE}.
 *
 * <p>Steps: cold start; enable the module over REST; {@code audit:bench-data} through {@code bin/client} (the module's
 * bulk loader: stores as core accounts under franchisees in five regions, one submitted audit a month per store with
 * every item answered, the actions of the failed items, the latest result per store and the monthly aggregates, in
 * JDBC batches inside Karaf); a region user and a franchisee user created over REST; stop and start again (the calls
 * do not run on the loader's warm pages); then each results call the screens and REST make, one client, sequential:
 * 20 warm-up calls, then 100 measured (p50/p95/p99/max/mean), beside the ceiling of the same run ({@code GET /health},
 * no authentication, no database; and {@code GET /api/v1/regions}, the cheapest authenticated call). Goal: p95 under
 * 1 s for every results call. With {@code --plans} Karaf is restarted once more with Derby's query-plan logging and
 * each call is made three times; the plans of the module's statements are summarised in the report (full log:
 * target/derby-plans-audit.log).
 */
public class AuditBenchmark {
    static final double GOAL_MS = 1000;
    Path home;
    int port = 18881;
    int sshPort = 18801;
    String password;
    int stores = 10_000;
    int months = 24;
    int items = 60;
    int warmup = 20;
    int runs = 100;
    boolean plans;
    boolean measureOnly;
    /** A row stops measuring after this many seconds (the runs it made are reported), so that a slow call cannot take the run's hour. */
    int rowBudgetS = 90;
    Path results;
    Path pidFile;
    String javaMaxMem = "2g";
    int startTimeoutS = 900;
    HttpClient http;
    String admin;
    String regionUser;
    String franchiseeUser;
    KarafNode karaf;
    final Map<String, String> setup = new LinkedHashMap<>();
    final List<String[]> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> planSummary = new ArrayList<>();
    final Random random = new Random(16);
    List<Long> storeIds = new ArrayList<>();
    List<Long> franchiseeStores = new ArrayList<>();
    String region;
    int regionStores;

    public static void main(String[] args) throws Exception {
        AuditBenchmark b = new AuditBenchmark();
        b.parse(args);
        Runtime.getRuntime().addShutdownHook(new Thread(b::killKaraf));
        try {
            b.run();
        } catch (Exception e) {
            System.err.println("BENCHMARK ABORTED: " + e);
            b.killKaraf();
            b.notes.add(0, "**RUN ABORTED**: " + e.getMessage());
            b.writeReport();
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
                case "--stores" -> { stores = Integer.parseInt(v.replace(",", "").replace("_", "")); i++; }
                case "--months" -> { months = Integer.parseInt(v); i++; }
                case "--items" -> { items = Integer.parseInt(v); i++; }
                case "--runs" -> { runs = Integer.parseInt(v); i++; }
                case "--quick" -> stores = 500;
                case "--plans" -> plans = true;
                case "--measure-only" -> measureOnly = true;
                case "--row-budget-s" -> { rowBudgetS = Integer.parseInt(v); i++; }
                case "--results" -> { results = Path.of(v); i++; }
                case "--pid-file" -> { pidFile = Path.of(v); i++; }
                case "--java-max-mem" -> { javaMaxMem = v; i++; }
                case "--start-timeout-s" -> { startTimeoutS = Integer.parseInt(v); i++; }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (home == null || password == null || results == null) {
            throw new IllegalArgumentException("--home DIR, --password PW and --results FILE are required");
        }
    }

    static String basic(String user, String pw) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pw).getBytes(StandardCharsets.UTF_8));
    }

    void run() throws Exception {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(1000)).build();
        karaf = new KarafNode(home, port, sshPort, password, "audit", pidFile, javaMaxMem, startTimeoutS, http);
        admin = basic("admin", password);
        KarafNode.log("distribution: " + home + ", HTTP " + port + ", ssh " + sshPort + ", " + stores + " stores x " + months + " months x " + items + " items");
        if (measureOnly) {
            // the data of the last run: its load as the loader reported it
            Path loadLog = home.getParent().resolve("audit-bench-data.log");
            setup.put("Data", "loaded by the previous run in " + home + (Files.exists(loadLog) ? ": " + Files.readString(loadLog).lines()
                    .filter(l -> l.contains("rows loaded")).findFirst().orElse("?").strip() : ""));
            setup.put("Start on the data", String.format("%.1f s", karaf.start(admin)));
            moduleReady();
            discover();
            measure();
            if (plans) {
                queryPlans();
            }
            karaf.stop();
            writeReport();
            return;
        }
        setup.put("Cold start to the first authenticated 200 of `GET /api/v1/contacts?limit=1`", String.format("%.1f s", karaf.start(admin)));
        long t0 = System.nanoTime();
        HttpResponse<String> r = send("POST", "/api/v1/modules/franchise-audit/enable", admin, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("enabling franchise-audit answered " + r.statusCode() + ": " + r.body());
        }
        setup.put("Enable the module (`POST /api/v1/modules/franchise-audit/enable`)", String.format("%.1f s", (System.nanoTime() - t0) / 1e9));
        String loaded = karaf.shell("audit:bench-data --stores " + stores + " --months " + months + " --items " + items, "bench-data", 120);
        Matcher m = Pattern.compile("(\\d+) stores, (\\d+) audits, (\\d+) items, (\\d+) actions, (\\d+) rows loaded in ([\\d.]+) s \\(store accounts ([\\d.]+) s\\)")
                .matcher(loaded);
        if (!m.find()) {
            throw new IllegalStateException("audit:bench-data did not report what it loaded: " + loaded.strip());
        }
        setup.put("Bulk load inside Karaf (`audit:bench-data`)", String.format(Locale.ROOT, "%,d stores, %,d audits, %,d answered items, %,d actions, %,d rows "
                + "in %s s (of which the store and franchisee accounts through the core's service: %s s)", Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), m.group(6), m.group(7)));
        discover();
        karaf.stop();
        setup.put("Warm start with the data", String.format("%.1f s", karaf.start(admin)));
        setup.put("... until the module's REST answers (`GET /api/v1/audits/templates`)", String.format("%.1f s", moduleReady()));
        measure();
        if (plans) {
            queryPlans();
        }
        karaf.stop();
        writeReport();
    }

    /** The stores (all pages of the ranking), a franchisee and a region of the loaded network, and the two scoped users. */
    void discover() throws Exception {
        int total = Integer.MAX_VALUE;
        for (int offset = 0; offset < total; offset += 500) {
            String body = ok(send("GET", "/api/v1/audits/results/ranking?limit=500&offset=" + offset, admin, null));
            total = (int) number(body, "total");
            Matcher s = Pattern.compile("\"storeId\"\\s*:\\s*(\\d+)").matcher(body);
            while (s.find()) {
                storeIds.add(Long.parseLong(s.group(1)));
            }
        }
        long store = storeIds.get(0);
        String account = ok(send("GET", "/api/v1/accounts/" + store, admin, null));
        long franchisee = number(account, "parentId");
        region = string(account, "region");
        long t = System.currentTimeMillis() % 1_000_000;
        regionUser = createUser("bench-region-" + t, "supervisor", "\"scopeType\":\"REGION\",\"region\":\"" + region + "\"");
        franchiseeUser = createUser("bench-franchisee-" + t, "partner", "\"scopeType\":\"PARTNER\",\"accountId\":" + franchisee);
        String own = ok(send("GET", "/api/v1/audits/results/ranking?limit=500", franchiseeUser, null));
        Matcher s = Pattern.compile("\"storeId\"\\s*:\\s*(\\d+)").matcher(own);
        while (s.find()) {
            franchiseeStores.add(Long.parseLong(s.group(1)));
        }
        regionStores = (int) number(ok(send("GET", "/api/v1/audits/results/ranking?limit=1", regionUser, null)), "total");
        KarafNode.log(String.format("%d stores ranked; region %s has %d, franchisee %d has %d", storeIds.size(), region, regionStores, franchisee, franchiseeStores.size()));
        setup.put("Users measured", String.format("`admin` (HQ), a REGION user of %s (%d stores), a PARTNER user of franchisee %d (%d stores)", region,
                regionStores, franchisee, franchiseeStores.size()));
    }

    String createUser(String name, String role, String scope) throws Exception {
        String pw = "Bench-" + name + "-Pw1";
        HttpResponse<String> r = send("POST", "/api/v1/users", admin, "{\"username\":\"" + name + "\",\"password\":\"" + pw + "\"," + scope
                + ",\"roles\":[\"" + role + "\"]}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating user " + name + " answered " + r.statusCode() + ": " + r.body());
        }
        return basic(name, pw);
    }

    /** One measured call: its label, who makes it, and the path of each call (drawn anew per call). */
    record Call(String label, String auth, Supplier<String> path, String expect) {
    }

    List<Call> calls() {
        String base = "/api/v1/audits/results/";
        int pages = Math.max(1, storeIds.size() / 50);
        int regionPages = Math.max(1, regionStores / 50);
        int ownPages = Math.max(1, franchiseeStores.size() / 50);
        List<Call> out = new ArrayList<>();
        out.add(new Call("ceiling: `GET /health` (no authentication, no database)", null, () -> "/health", null));
        out.add(new Call("ceiling: `GET /api/v1/regions` (the cheapest authenticated call), HQ", admin, () -> "/api/v1/regions", "\"items\""));
        out.add(new Call("ranking page (50, best first, random page), HQ", admin, () -> base + "ranking?limit=50&offset=" + 50 * random.nextInt(pages), "\"storeId\""));
        out.add(new Call("ranking page (50, worst first, first page), HQ", admin, () -> base + "ranking?worst=true&limit=50", "\"storeId\""));
        out.add(new Call("ranking page of one region (50, random page), HQ", admin,
                () -> base + "ranking?region=" + region + "&limit=50&offset=" + 50 * random.nextInt(regionPages), "\"storeId\""));
        out.add(new Call("ranking page (50, random page), region user", regionUser, () -> base + "ranking?limit=50&offset=" + 50 * random.nextInt(regionPages),
                "\"storeId\""));
        out.add(new Call("ranking page (50, random page), franchisee", franchiseeUser, () -> base + "ranking?limit=50&offset=" + 50 * random.nextInt(ownPages),
                "\"storeId\""));
        out.add(new Call("store history (" + months + " audits, random store), HQ", admin, () -> base + "stores/" + storeIds.get(random.nextInt(storeIds.size())),
                "\"audits\""));
        out.add(new Call("store history, franchisee (own store)", franchiseeUser, () -> base + "stores/" + franchiseeStores.get(random.nextInt(franchiseeStores.size())),
                "\"audits\""));
        out.add(new Call("regions, HQ", admin, () -> base + "regions", "\"region\""));
        out.add(new Call("network trend (24 months), HQ", admin, () -> base + "trend?months=24", "\"month\""));
        out.add(new Call("most failed items (last 12 months), HQ", admin, () -> base + "failed-items", "\"code\""));
        out.add(new Call("ranking CSV export, all " + storeIds.size() + " stores, HQ", admin, () -> base + "ranking/export", null));
        out.add(new Call("trend (24 months), franchisee (its stores' audits)", franchiseeUser, () -> base + "trend?months=24", "\"month\""));
        out.add(new Call("most failed items (12 months), franchisee", franchiseeUser, () -> base + "failed-items", "\"code\""));
        out.add(new Call("trend (24 months), region user", regionUser, () -> base + "trend?months=24", "\"month\""));
        out.add(new Call("most failed items (12 months), region user", regionUser, () -> base + "failed-items", "\"code\""));
        return out;
    }

    void measure() throws Exception {
        for (Call c : calls()) {
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(rowBudgetS / 3);
            for (int i = 0; i < warmup && (i < 3 || System.nanoTime() < warmUntil); i++) {
                call(c);
            }
            long[] ns = new long[runs];
            int made = 0;
            long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(rowBudgetS);
            while (made < runs && (made < 5 || System.nanoTime() < stopAt)) {
                ns[made++] = call(c);
            }
            ns = Arrays.copyOf(ns, made);
            long[] sorted = ns.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(ns).average().orElse(0) / 1e6;
            String load = KarafNode.loadAverage().split(" ")[0];
            String[] row = { c.label(), Integer.toString(made) + (made < runs ? " (budget " + rowBudgetS + " s)" : ""), fmt(pct(sorted, 50)), fmt(pct(sorted, 95)), fmt(pct(sorted, 99)), fmt(sorted[sorted.length - 1] / 1e6),
                    fmt(mean), c.label().startsWith("ceiling") ? "—" : pct(sorted, 95) < GOAL_MS ? "PASS" : "**MISS**", load };
            rows.add(row);
            KarafNode.log(String.join(" | ", row));
        }
    }

    /** One call, checked (200 and a field of the answer); returns its nanoseconds. */
    long call(Call c) throws Exception {
        String path = c.path().get();
        long t0 = System.nanoTime();
        HttpResponse<String> r = send("GET", path, c.auth(), null);
        long ns = System.nanoTime() - t0;
        if (r.statusCode() != 200 || (c.expect() != null && !r.body().contains(c.expect()))) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return ns;
    }

    /** Restart with Derby's query-plan logging, each call three times, and the plans of the module's statements summarised. */
    void queryPlans() throws Exception {
        karaf.stop();
        Path props = home.resolve("derby.properties");
        Files.writeString(props, "derby.language.logQueryPlan=true\nderby.language.logStatementText=true\n");
        Path derbyLog = home.resolve("derby.log");
        Files.deleteIfExists(derbyLog);
        try {
            karaf.start(admin);
            moduleReady();
            for (Call c : calls()) {
                for (int i = 0; i < 3; i++) {
                    call(c);
                }
            }
            karaf.stop();
        } finally {
            Files.deleteIfExists(props);
        }
        if (!Files.exists(derbyLog)) {
            planSummary.add("no derby.log at " + derbyLog);
            return;
        }
        Path full = home.getParent().resolve("derby-plans-audit.log");
        Files.copy(derbyLog, full, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> summary = summarisePlans(Files.readString(derbyLog, StandardCharsets.UTF_8));
        planSummary.addAll(summary);
        KarafNode.log("query plans: " + summary.size() + " statements of the module; full log " + full);
    }

    /** For each of the module's (FA_) queries in a derby.log with query plans, the execution that visited the most rows: its scans and sorts. */
    static List<String> summarisePlans(String log) {
        // one entry per line that starts with Derby's timestamp; a plan entry: "... (SESSIONID = n), <statement> ******* <plan>";
        // the module's (FA_) queries, for each the execution that visited the most rows
        Map<String, String> worst = new LinkedHashMap<>();
        Map<String, Long> visited = new LinkedHashMap<>();
        Pattern statement = Pattern.compile("\\(SESSIONID = \\d+\\), (.*?)\\*{7}", Pattern.DOTALL);
        Pattern rowsPattern = Pattern.compile("(?:Number of rows visited|Rows seen)\\s*=\\s*(\\d+)");
        for (String e : log.split("\n(?=\\w{3} \\w{3} \\d{1,2} )")) {
            int star = e.indexOf("*******");
            Matcher sm = statement.matcher(e);
            if (star < 0 || !e.contains("FA_") || !sm.find()) {
                continue;
            }
            String stmt = sm.group(1).replaceAll("\\s+", " ").strip();
            if (!stmt.toUpperCase(Locale.ROOT).startsWith("SELECT") || stmt.contains("FA_SEQUENCE") || stmt.contains("FA_TEMPLATE") || stmt.startsWith("SELECT 1 FROM")) {
                continue;
            }
            long rowsVisited = 0;
            List<String> keep = new ArrayList<>();
            for (String pl : e.substring(star).split("\n")) {
                String t = pl.replace("*******", "").strip();
                if (t.contains("ResultSet") && (t.contains("Scan") || t.contains("Sort") || t.contains("Join") || t.contains("Grouped"))) {
                    keep.add(t.replaceAll(" at read committed.*", "").replace(":", ""));
                }
                Matcher vm = rowsPattern.matcher(t);
                if (vm.find()) {
                    rowsVisited = Math.max(rowsVisited, Long.parseLong(vm.group(1)));
                }
            }
            String key = stmt.length() > 260 ? stmt.substring(0, 260) + "…" : stmt;
            if (rowsVisited >= visited.getOrDefault(key, -1L)) {
                visited.put(key, rowsVisited);
                worst.put(key, String.join("; ", keep.stream().distinct().limit(10).toList()));
            }
        }
        List<String> out = new ArrayList<>();
        worst.forEach((k, v) -> out.add(String.format(Locale.ROOT, "- `%s`: at most **%,d rows** visited by one node; %s", k, visited.get(k), v)));
        return out;
    }

    HttpResponse<String> send(String method, String path, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(5));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String ok(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return r.body();
    }

    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + abbreviate(json));
        }
        return Long.parseLong(m.group(1));
    }

    static String string(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + abbreviate(json));
        }
        return m.group(1);
    }

    static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    /** After a start the core answers before the module's REST resource is registered: polls it, returns the seconds since the launch. */
    double moduleReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startTimeoutS);
        while (true) {
            long tryAt = System.nanoTime();
            if (send("GET", "/api/v1/audits/templates", admin, null).statusCode() == 200) {
                return (System.nanoTime() - karaf.launchedAt()) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the module's REST did not answer within " + startTimeoutS + " s; see " + home.resolve("data/log/karaf.log"));
            }
            // no other signal of the module being ready: poll every 50 ms
            long sleep = 50 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tryAt);
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
    }

    void writeReport() {
        StringBuilder md = new StringBuilder();
        md.append("# Franchise audit results on the distribution (`run.sh --audit`)\n\n");
        md.append(String.format("Run %s on %d cores, Java %s; %,d stores × %d monthly audits × %d items; load average at the end (1, 5, 15 min, "
                + "running/total, last pid): %s.%n%n", ZonedDateTime.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), stores,
                months, items, KarafNode.loadAverage()));
        md.append("| Set-up | |\n|---|---|\n");
        setup.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append(String.format("%nEach call: one client, sequential, over HTTP/1.1 keep-alive with Basic authentication (the server caches the credential "
                + "check), JSON or CSV parsed by nothing but checked for status 200 and a field; %d warm-up calls, then %d measured (a row stops after %d s, "
                + "then its runs say so; at least 5). Goal: p95 under 1 s.%n%n", warmup, runs, rowBudgetS));
        md.append("| Call | Runs | p50 ms | p95 ms | p99 ms | max ms | mean ms | p95 < 1 s | load average (1 min) after the row |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        if (!planSummary.isEmpty()) {
            md.append("\n## Derby query plans (a restart with `derby.language.logQueryPlan=true`, each call three times)\n\n");
            planSummary.forEach(p -> md.append(p).append('\n'));
        }
        notes.forEach(n -> md.append("\n").append(n).append("\n"));
        try {
            Files.writeString(results, md.toString(), StandardCharsets.UTF_8);
            KarafNode.log("wrote " + results);
        } catch (IOException e) {
            System.err.println("could not write " + results + ": " + e);
        }
    }

    void killKaraf() {
        if (karaf != null) {
            karaf.kill();
        }
    }

}
