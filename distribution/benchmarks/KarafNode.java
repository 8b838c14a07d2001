import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark's Karaf, in one place for the benchmarks that start, stop and talk to it the same way
 * (ChannelBenchmark, AuditBenchmark): {@code bin/karaf server} in its own session with the heap asked for, ready at the
 * first authenticated 200 of {@code GET /api/v1/contacts?limit=1}; {@code bin/stop}, killed after 90 s; shell commands
 * through {@code bin/client} in batch mode.
 *
 * <p>Not a benchmark itself: run.sh compiles it into {@code target/bench-classes} and puts that on the class path of
 * {@code java ChannelBenchmark.java} / {@code java AuditBenchmark.java} (the JDK 17 source launcher compiles one file
 * only). Everything is public because those programs live in another class loader.
 */
public final class KarafNode {
    private final Path home;
    private final int port;
    private final int sshPort;
    private final String password;
    private final String name;
    private final Path pidFile;
    private final String javaMaxMem;
    private final int startTimeoutS;
    private final HttpClient http;
    private Process karaf;
    private long launchedAt;
    private int launches;

    /** {@code name} goes into the log files' names (karaf-NAME-console-N.log, NAME-COMMAND.log beside the home). */
    public KarafNode(Path home, int port, int sshPort, String password, String name, Path pidFile, String javaMaxMem, int startTimeoutS, HttpClient http) {
        this.home = home;
        this.port = port;
        this.sshPort = sshPort;
        this.password = password;
        this.name = name;
        this.pidFile = pidFile;
        this.javaMaxMem = javaMaxMem;
        this.startTimeoutS = startTimeoutS;
        this.http = http;
    }

    /** When the last start was launched (System.nanoTime). */
    public long launchedAt() {
        return launchedAt;
    }

    /** Runs one command through bin/client (batch mode, the command on standard input) and returns what it printed. */
    public String shell(String command, String logName, int timeoutMinutes) throws Exception {
        Path out = home.getParent().resolve(name + "-" + logName + ".log");
        log("shell: " + command);
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort), "-h", "localhost", "-u", "admin", "-p",
                password, "-r", "10", "-t", Long.toString(TimeUnit.HOURS.toMillis(2)), "-b").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        p.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + timeoutMinutes + " min; see " + out);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Launches bin/karaf server and returns the seconds until the first authenticated 200 ({@code auth}: an Authorization header). */
    public double start(String auth) throws Exception {
        launches++;
        Path console = home.getParent().resolve("karaf-" + name + "-console-" + launches + ".log");
        ProcessBuilder pb = new ProcessBuilder("setsid", home.resolve("bin/karaf").toString(), "server").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile());
        String extra = pb.environment().getOrDefault("EXTRA_JAVA_OPTS", "");
        if (!extra.contains("disableZip64ExtraFieldValidation")) {
            extra = (extra + " -Djdk.util.zip.disableZip64ExtraFieldValidation=true").strip();
        }
        if (!extra.contains("-Xmx")) {
            extra += " -Xmx" + javaMaxMem;
        }
        pb.environment().put("EXTRA_JAVA_OPTS", extra);
        pb.environment().put("JAVA_MAX_MEM", javaMaxMem);
        launchedAt = System.nanoTime();
        karaf = pb.start();
        if (pidFile != null) {
            Files.writeString(pidFile, Long.toString(karaf.pid()));
        }
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/contacts?limit=1")).header("Authorization", auth)
                .timeout(Duration.ofMillis(1000)).GET().build();
        long deadline = launchedAt + TimeUnit.SECONDS.toNanos(startTimeoutS);
        String lastAnswer = "no answer";
        while (true) {
            long tryAt = System.nanoTime();
            try {
                int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                lastAnswer = "HTTP " + status;
                if (status == 200) {
                    double s = (System.nanoTime() - launchedAt) / 1e9;
                    log(String.format("start #%d: first 200 after %.1f s", launches, s));
                    return s;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!karaf.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + karaf.exitValue() + "; see " + console + " and " + home.resolve("data/log/karaf.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no 200 within " + startTimeoutS + " s (the last answer: " + lastAnswer + "); " + keepEvidence());
            }
            // Karaf is an external process that gives no other signal of being ready: poll every 50 ms
            long sleep = 50 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - tryAt);
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
    }

    /**
     * A start that never answered: its readiness, its threads and its log kept beside the benchmark's results (the next
     * start of the same home would overwrite the log), named in the failure's message.
     */
    private String keepEvidence() {
        Path kept = home.getParent().resolve("start-failure-" + launches + "-" + System.currentTimeMillis());
        try {
            Files.createDirectories(kept);
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
                Files.writeString(kept.resolve("health-ready.txt"), ready.statusCode() + " " + ready.body());
            } catch (IOException | InterruptedException e) {
                Files.writeString(kept.resolve("health-ready.txt"), "no answer: " + e);
            }
            // the JVM's own pid (bin/karaf writes it), not the launching script's: jcmd attaches to a JVM only
            Process dump = new ProcessBuilder("jcmd", Long.toString(karafJvm().map(ProcessHandle::pid).orElse(karaf.pid())), "Thread.print", "-l")
                    .redirectErrorStream(true)
                    .redirectOutput(kept.resolve("threads.txt").toFile()).start();
            dump.waitFor(60, TimeUnit.SECONDS);
            Path log = home.resolve("data/log/karaf.log");
            if (Files.exists(log)) {
                Files.copy(log, kept.resolve("karaf.log"));
            }
            return "/health/ready, the threads and karaf.log kept in " + kept;
        } catch (IOException | InterruptedException e) {
            return "see " + home.resolve("data/log/karaf.log") + " (could not keep it: " + e + ")";
        }
    }

    public void stop() throws Exception {
        if (karaf == null) {
            return;
        }
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!karaf.waitFor(90, TimeUnit.SECONDS)) {
            log("bin/stop did not stop Karaf within 90 s; killing it");
            kill();
        }
        karaf.descendants().forEach(ProcessHandle::destroyForcibly);
        karaf = null;
        if (pidFile != null) {
            Files.deleteIfExists(pidFile);
        }
    }

    public void kill() {
        Process p = karaf;
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        // and the JVM by the pid it wrote, in case it is no longer a descendant of the script (a start that never
        // answered once left its Karaf running, holding the next run's ports)
        karafJvm().ifPresent(ProcessHandle::destroyForcibly);
    }

    /** Karaf's JVM by the pid in {@code karaf.pid} (written by bin/karaf), while it runs. */
    private Optional<ProcessHandle> karafJvm() {
        try {
            Path pid = home.resolve("karaf.pid");
            if (!Files.exists(pid)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                    .filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static void log(String s) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + s);
    }
}
