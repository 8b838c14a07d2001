import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start time of the distribution, nothing else (run.sh --start; README.md "Start"): N times a cold start (fresh unpack,
 * empty data/: the empty Derby database laid down, the schema created, the admin user with its PBKDF2 hash) followed by a warm start
 * on the same data/, each until the first HTTP 200 of GET /api/v1/contacts?limit=1 with Basic authentication (polled
 * every 50 ms, 1 s timeout, as Benchmark.java's start). Medians, every run, the load average before each start, and the
 * split of the start read from karaf.log: when each milestone was logged, in seconds since launch.
 * Its own Karaf in target/opencrm-start, ports 18981 (HTTP), 18901 (ssh); started and stopped by KarafNode.java.
 */
public class StartBenchmark {
    static final String PROBE = "/api/v1/contacts?limit=1";
    static final String PASSWORD = "Start-bench-" + Long.toString(System.currentTimeMillis() % 1_000_000);
    static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSS");
    static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d,\\d{3}) \\|");

    /** Milestones of a start: the first line of this start's part of karaf.log that matches each pattern. */
    static final String[][] MILESTONES = {
            { "framework up, features service starts the boot features", "FeaturesServiceImpl .*\\| Adding features:" },
            { "boot features resolved (cold) / checked (warm)", "FeaturesServiceImpl .*\\| (Changes to perform:|No deployment change\\.)" },
            { "Jetty listening", "\\| Server +\\| .*\\| Started @" },
            { "JAX-RS whiteboard up (CXF)", "created whiteboard from configuration" },
            { "pax-jdbc starts creating the crm DataSource", "Creating DataSource crm" },
            { "crm DataSource registered (Derby booted; on a cold start the database created)", "Found DataSource for crm-" },
            { "crm-core persistence unit has its DataSource", "Found DataSource for crm-core" },
            { "the admin user created (cold start: one PBKDF2 hash)", "created user 'admin'" },
            { "core schema checked/migrated (Flyway)", "(schema of module core|Schema \"APP\" is up to date|Successfully applied \\d+ migrations)" },
            { "web UI servlet /crm registered", "name='opencrm-ui'" },
            { "boot features started (features service: Done.)", "FeaturesServiceImpl .*\\| Done\\." },
    };

    final Path dist;
    final Path home;
    final Path results;
    final int runs;
    final int port;
    final int sshPort;
    final String javaMaxMem;
    final Path pidFile;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(1000)).build();
    final KarafNode node;

    record Start(String kind, int run, double seconds, double cpuSeconds, double readySeconds, String load, Map<String, Double> milestones) {
    }

    StartBenchmark(Map<String, String> a) {
        dist = Path.of(a.get("--dist"));
        home = Path.of(a.get("--home"));
        results = Path.of(a.get("--results"));
        runs = Integer.parseInt(a.getOrDefault("--runs", "5"));
        port = Integer.parseInt(a.getOrDefault("--port", "18981"));
        sshPort = Integer.parseInt(a.getOrDefault("--ssh-port", "18901"));
        javaMaxMem = a.getOrDefault("--java-max-mem", "2g");
        pidFile = a.containsKey("--pid-file") ? Path.of(a.get("--pid-file")) : null;
        node = new KarafNode(home, port, sshPort, PASSWORD, "start", pidFile, javaMaxMem, 180, http);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        StartBenchmark b = new StartBenchmark(a);
        Runtime.getRuntime().addShutdownHook(new Thread(b.node::kill));
        b.run();
    }

    void run() throws Exception {
        List<Start> starts = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            unpack();
            starts.add(start("cold", i));
            node.stop();
            starts.add(start("warm", i));
            node.stop();
        }
        Files.writeString(results, report(starts));
        System.out.println(Files.readString(results));
    }

    void unpack() throws Exception {
        exec(List.of("rm", "-rf", home.toString()));
        Files.createDirectories(home);
        exec(List.of("tar", "xzf", dist.toString(), "-C", home.toString(), "--strip-components=1"));
        Path etc = home.resolve("etc");
        replace(etc.resolve("org.ops4j.pax.web.cfg"), "(?m)^org.osgi.service.http.port *=.*$", "org.osgi.service.http.port = " + port);
        replace(etc.resolve("org.apache.karaf.shell.cfg"), "(?m)^sshPort *=.*$", "sshPort = " + sshPort);
        Files.writeString(etc.resolve("system.properties"), "\ncrm.admin.password=" + PASSWORD + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    Start start(String kind, int run) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        double seconds = node.start(auth);
        double cpuSeconds = karafCpuSeconds();
        long t0 = node.launchedAt();
        long launchedMillis = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
        // readiness right after: a node that answers the API should also say it is ready (or be about to)
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
        double readySeconds = Double.NaN;
        while (System.nanoTime() < deadline) {
            if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                readySeconds = (System.nanoTime() - t0) / 1e9;
                break;
            }
            Thread.sleep(50);
        }
        // a cold start's features service logs "Done." a moment after its last bundle started: wait for it (at most 30 s)
        Path log = home.resolve("data/log/karaf.log");
        long logDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (kind.equals("cold") && System.nanoTime() < logDeadline && !(Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1)
                .lines().filter(l -> l.contains("FeaturesServiceImpl")).anyMatch(l -> l.endsWith("| Done.")))) {
            Thread.sleep(100);
        }
        Map<String, Double> milestones = milestones(log, launchedMillis);
        System.out.printf(Locale.ROOT, "%s start #%d: first 200 after %.2f s (Karaf CPU %.1f s), /health/ready 200 after %.2f s (load %s)%n", kind,
                run, seconds, cpuSeconds, readySeconds, load);
        return new Start(kind, run, seconds, cpuSeconds, readySeconds, load, milestones);
    }

    /**
     * CPU seconds (user + system, all threads) the Karaf JVM has used so far, from /proc: the work of the start, which
     * a busy machine stretches far less than the wall-clock time. NaN when it cannot be read.
     */
    double karafCpuSeconds() {
        try {
            String pid = Files.readString(home.resolve("karaf.pid")).strip();
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of proc(5) (utime, stime), in clock ticks of 1/100 s on Linux
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Seconds since launch of each milestone in this start's part of karaf.log (warm starts append to the cold one's). */
    static Map<String, Double> milestones(Path log, long launchedMillis) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!Files.exists(log)) {
            return m;
        }
        List<String[]> lines = new ArrayList<>(); // [time seconds since launch, text]
        for (String l : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            Matcher t = LOG_LINE.matcher(l);
            if (!t.find()) {
                continue;
            }
            long at = LocalDateTime.parse(t.group(1), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            if (at >= launchedMillis) {
                lines.add(new String[] { Double.toString((at - launchedMillis) / 1000.0), l });
            }
        }
        for (String[] ms : MILESTONES) {
            Pattern p = Pattern.compile(ms[1]);
            for (String[] l : lines) {
                if (p.matcher(l[1]).find()) {
                    m.put(ms[0], Double.parseDouble(l[0]));
                    break;
                }
            }
        }
        return m;
    }

    static double median(List<Double> v) {
        List<Double> s = v.stream().filter(d -> !d.isNaN()).sorted().toList();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    String report(List<Start> starts) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# OpenCRM start time\n\n");
        md.append("- Date: ").append(Instant.now()).append('\n');
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; Java ")
                .append(System.getProperty("java.vm.version")).append('\n');
        md.append("- Distribution: `").append(dist.getFileName()).append("`, `bin/karaf server`, JAVA_MAX_MEM=").append(javaMaxMem)
                .append(", embedded Derby, HTTP port ").append(port).append('\n');
        md.append("- Command: `distribution/benchmarks/run.sh --start --runs ").append(runs).append("`\n\n");
        md.append("Time from launching `bin/karaf server` until the first HTTP 200 of `GET ").append(PROBE)
                .append("` with Basic authentication (polled every 50 ms). *Cold*: fresh unpack, empty `data/` (the empty Derby database laid down, the schema "
                        + "created, the admin user and its PBKDF2 hash); *warm*: `bin/stop`, then the same `data/` again. Each cold start is "
                        + "followed by its warm start. `/health/ready`: when readiness first answered 200, polled from the first 200 on. Karaf CPU: user + system "
                        + "seconds of the Karaf JVM (all threads, /proc) at the first 200, the work of the start, which load stretches less.\n\n");
        md.append("| Start | Median (s) | Runs (s) | Karaf CPU until the first 200, median (s) | /health/ready 200, median (s) | Load average before each start |\n"
                + "|---|---|---|---|---|---|\n");
        for (String kind : List.of("cold", "warm")) {
            List<Start> k = starts.stream().filter(s -> s.kind.equals(kind)).toList();
            md.append(String.format(Locale.ROOT, "| %s | **%.2f** | %s | %.1f | %.2f | %s |%n", kind, median(k.stream().map(Start::seconds).toList()),
                    String.join(", ", k.stream().map(s -> String.format(Locale.ROOT, "%.2f", s.seconds)).toList()),
                    median(k.stream().map(Start::cpuSeconds).toList()), median(k.stream().map(Start::readySeconds).toList()), String.join(", ", k.stream().map(Start::load).toList())));
        }
        md.append("\n## Split (from karaf.log, seconds since launch, medians)\n\n");
        md.append("The milestones are the first log line of each; the first 200 is measured by the client. On a cold start the "
                + "features service resolves the boot features, installs their bundles and starts them one after the other on one thread "
                + "(features-3-thread-1); a warm start finds them installed and the framework starts them by start level. The admin "
                + "user is created on a thread of its own (opencrm-security-setup) beside the rest.\n\n");
        md.append("| Milestone | Cold (s) | Warm (s) |\n|---|---|---|\n");
        for (String[] ms : MILESTONES) {
            md.append("| ").append(ms[0]);
            for (String kind : List.of("cold", "warm")) {
                List<Double> v = starts.stream().filter(s -> s.kind.equals(kind) && s.milestones.containsKey(ms[0]))
                        .map(s -> s.milestones.get(ms[0])).toList();
                md.append(v.isEmpty() ? " | –" : String.format(Locale.ROOT, " | %.2f", median(v)));
            }
            md.append(" |\n");
        }
        md.append("| **first 200 of `").append(PROBE).append("`**");
        for (String kind : List.of("cold", "warm")) {
            md.append(String.format(Locale.ROOT, " | **%.2f**", median(starts.stream().filter(s -> s.kind.equals(kind)).map(Start::seconds).toList())));
        }
        md.append(" |\n");
        return md.toString();
    }

    static void replace(Path file, String regex, String replacement) throws IOException {
        String text = Files.readString(file);
        String changed = text.replaceAll(regex, replacement);
        if (changed.equals(text) && !text.contains(replacement)) {
            throw new IllegalStateException("could not set " + replacement + " in " + file);
        }
        Files.writeString(file, changed);
    }

    static void exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed");
        }
    }
}
