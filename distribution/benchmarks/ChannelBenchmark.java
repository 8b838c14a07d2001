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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The channel finance month-end close (issue 15 item 10) on the assembled distribution: unpacked Karaf, embedded Derby on
 * disk (data/crmdb), as an operator runs it. {@code run.sh --channel} unpacks the distribution and calls
 * {@code java ChannelBenchmark.java --home DIR --port P --ssh-port S --password PW [--partners 5000] --results FILE}.
 *
 * <p>Steps: cold start; enable the module over REST; {@code channel:bench-data --partners N --year 2024} through
 * {@code bin/client} (the module's bulk loader: N partners with 12 months of shipments, invoices, ledger entries,
 * payments and allocations, in JDBC batches inside Karaf); stop and start again (a warm start on the data); then
 * {@code channel:month-end --month 2024-12} twice (the first run after the start, then again), each reporting its
 * statements, aging and rebate run times. The goal: the close of 5,000 partners under 60 s.
 */
public class ChannelBenchmark {
    Path home;
    int port = 18781;
    int sshPort = 18701;
    String password;
    int partners = 5000;
    Path results;
    Path pidFile;
    String javaMaxMem = "2g";
    /** A loaded 2-core machine (a CI loop beside it) may take minutes to start Karaf. */
    int startTimeoutS = 900;
    HttpClient http;
    String auth;
    KarafNode karaf;
    final Map<String, String> setup = new LinkedHashMap<>();
    final List<String[]> closes = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String load1 = "";
    long rowsLoaded;

    public static void main(String[] args) throws Exception {
        ChannelBenchmark b = new ChannelBenchmark();
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
                case "--partners" -> { partners = Integer.parseInt(v.replace(",", "").replace("_", "")); i++; }
                case "--quick" -> partners = 500;
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

    void run() throws Exception {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(1000)).build();
        karaf = new KarafNode(home, port, sshPort, password, "channel", pidFile, javaMaxMem, startTimeoutS, http);
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        KarafNode.log("distribution: " + home + ", HTTP " + port + ", ssh " + sshPort + ", " + partners + " partners");
        setup.put("Cold start to the first authenticated 200 of `GET /api/v1/contacts?limit=1`", String.format("%.1f s", karaf.start(auth)));
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/modules/channel-finance/enable"))
                .header("Authorization", auth).timeout(Duration.ofMinutes(3)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("enabling channel-finance answered " + r.statusCode() + ": " + r.body());
        }
        setup.put("Enable the module (`POST /api/v1/modules/channel-finance/enable`)", String.format("%.1f s", (System.nanoTime() - t0) / 1e9));
        String loaded = karaf.shell("channel:bench-data --partners " + partners + " --year 2024", "bench-data", 90);
        Matcher m = Pattern.compile("(\\d+) partners, (\\d+) rows loaded in ([\\d.]+) s").matcher(loaded);
        if (!m.find()) {
            throw new IllegalStateException("channel:bench-data did not report what it loaded: " + loaded.strip());
        }
        rowsLoaded = Long.parseLong(m.group(2));
        setup.put("Bulk load inside Karaf (`channel:bench-data`)", String.format("%,d partners, %,d rows in %s s", Long.parseLong(m.group(1)), rowsLoaded,
                m.group(3)));
        karaf.stop();
        setup.put("Warm start with the data", String.format("%.1f s", karaf.start(auth)));
        for (String run : List.of("first after the start", "again")) {
            String out = karaf.shell("channel:month-end --month 2024-12", "month-end", 90);
            Matcher c = Pattern.compile("month-end 2024-12: (\\d+) partners; statements ([\\d.]+) s \\((\\d+) ledger rows, (\\d+) rows/s\\); aging ([\\d.]+) s"
                    + " \\((\\d+) partners open\\); (\\d+) rebate run\\(s\\) ([\\d.]+) s \\((\\d+) results\\); ([\\d.]+) s in all").matcher(out);
            if (!c.find()) {
                throw new IllegalStateException("channel:month-end did not report its figures: " + out.strip());
            }
            closes.add(new String[] { run, c.group(1), c.group(2), c.group(3), c.group(5), c.group(6), c.group(8), c.group(9), c.group(10) });
            KarafNode.log("month-end (" + run + "): " + c.group(10) + " s");
        }
        karaf.stop();
        writeReport();
    }

    void writeReport() {
        double goal = 60.0 * partners / 5000;
        StringBuilder md = new StringBuilder();
        md.append("# Channel finance month-end close on the distribution (`run.sh --channel`)\n\n");
        md.append(String.format("Run %s on %d cores, Java %s; load average at the end (1, 5, 15 min, running/total, last pid): %s.%n%n", ZonedDateTime.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), KarafNode.loadAverage()));
        md.append("| Set-up | |\n|---|---|\n");
        setup.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n| close of 2024-12 | partners | statements | ledger rows | aging | partners open | rebate run | results | close in all | goal | |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String[] c : closes) {
            double total = Double.parseDouble(c[8]);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s s | %s | %s s | %s | %s s | %s | **%s s** (%,.0f rows/s) | %.0f s | %s |%n", c[0], c[1], c[2], c[3], c[4],
                    c[5], c[6], c[7], c[8], rowsLoaded / Math.max(0.001, total), goal, total <= goal ? "PASS" : "MISS"));
        }
        md.append("\nrows/s: the rows loaded (partners, shipments, invoices, ledger entries, payments, allocations) over the close's seconds.\n");
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
