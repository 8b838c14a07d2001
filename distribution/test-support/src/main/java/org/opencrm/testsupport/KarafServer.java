package org.opencrm.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * The assembled distribution started as a user starts it ({@code bin/karaf server}) in a directory of its own, on
 * ports of its own, for tests that must run outside the Pax Exam container (a real browser, a generated API client).
 * <pre>
 * try (KarafServer karaf = KarafServer.unpack(tarGz, dir).ports(18481, 18401, 11399, 44744).adminPassword(pw).start()) {
 *     karaf.awaitHttp("/health/ready", 200, Duration.ofMinutes(3)); // every REST resource served, not only the first
 *     ...
 * }
 * </pre>
 * Ports are given before {@link #portOffset()} is added: {@code -Dcrm.itest.portOffset=N} moves every test
 * distribution, so two checkouts can run their suites side by side.
 */
public final class KarafServer implements AutoCloseable {
    private final Path home;
    private int httpPort;
    private String adminPassword;
    private Process process;

    private KarafServer(Path home) {
        this.home = home;
    }

    /** The offset every test port is moved by: the system property crm.itest.portOffset (default 0). */
    public static int portOffset() {
        return Integer.getInteger("crm.itest.portOffset", 0);
    }

    /** Deletes {@code home} and unpacks the distribution's tar.gz into it. */
    public static KarafServer unpack(Path distribution, Path home) throws IOException, InterruptedException {
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("No distribution at " + distribution + ": build it first (mvn install -pl distribution)");
        }
        deleteTree(home);
        Files.createDirectories(home);
        run(new ProcessBuilder("tar", "xzf", distribution.toString(), "-C", home.toString(), "--strip-components=1"));
        return new KarafServer(home);
    }

    /** HTTP, ssh and the two RMI ports, each plus {@link #portOffset()}. */
    public KarafServer ports(int http, int ssh, int rmiRegistry, int rmiServer) throws IOException {
        httpPort = http + portOffset();
        Path etc = home.resolve("etc");
        replaceLine(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port *=.*", "org.osgi.service.http.port = " + httpPort);
        replaceLine(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort *=.*", "sshPort = " + (ssh + portOffset()));
        Files.writeString(etc.resolve("org.apache.karaf.management.cfg"), "\nrmiRegistryPort = " + (rmiRegistry + portOffset()) + "\nrmiServerPort = "
                + (rmiServer + portOffset()) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return this;
    }

    /** The admin user's password on first start (instead of a generated one). */
    public KarafServer adminPassword(String password) throws IOException {
        this.adminPassword = password;
        Files.writeString(home.resolve("etc/system.properties"), "\ncrm.admin.password=" + password + "\n", StandardOpenOption.APPEND);
        return this;
    }

    /** Writes (replaces) a file under etc/, e.g. a component's configuration. */
    public KarafServer config(String fileName, String content) throws IOException {
        Files.writeString(home.resolve("etc").resolve(fileName), content);
        return this;
    }

    /**
     * Sets {@code key = value} in the configuration file {@code etc/<fileName>}, replacing the key's line if it has one
     * (e.g. the database's url in org.ops4j.datasource-crm.cfg) and keeping every other line as shipped.
     */
    public KarafServer configPut(String fileName, String key, String value) throws IOException {
        replaceLine(home.resolve("etc").resolve(fileName), java.util.regex.Pattern.quote(key) + " *=.*",
                key + " = " + value);
        return this;
    }

    /** Starts {@code bin/karaf server}; its console goes to console.log in the home directory. */
    public KarafServer start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        pb.environment().put("EXTRA_JAVA_OPTS", "-Djdk.util.zip.disableZip64ExtraFieldValidation=true");
        if (adminPassword == null) {
            // as a newcomer starts it: the first start generates the administrator's password
            pb.environment().remove("CRM_ADMIN_PASSWORD");
        }
        process = pb.start();
        return this;
    }

    /**
     * Without {@link #adminPassword(String)}: waits until the first start has written the generated administrator
     * password to data/admin-password.txt, uses it from then on and answers it.
     */
    public String awaitGeneratedAdminPassword(Duration timeout) throws IOException, InterruptedException {
        Path file = home.resolve("data/admin-password.txt");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; see " + home.resolve("console.log"));
            }
            String text = Files.exists(file) ? Files.readString(file) : "";
            if (text.endsWith("\n") && text.strip().length() >= 12) {
                adminPassword = text.strip();
                return adminPassword;
            }
            // the server is starting in another process; there is no event to wait on from here
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(file + " was not written within " + timeout);
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return httpPort;
    }

    /** http://localhost:PORT */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** The REST API as the admin user (the password given to {@link #adminPassword}). */
    public CrmRestClient admin() {
        return new CrmRestClient(baseUrl(), "admin", adminPassword);
    }

    /** Waits until {@code path} (e.g. /api/v1/modules) answers {@code status} to the admin user, or fails naming the last answer. */
    public void awaitHttp(String path, int status, Duration timeout) throws IOException, InterruptedException {
        CrmRestClient admin = admin();
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + "; see " + home.resolve("console.log"));
            }
            try {
                last = admin.send("GET", path, null, Duration.ofSeconds(5)).status();
                if (last == status) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            // the server is starting in another process; there is no event to wait on from here
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(path + " did not answer " + status + " within " + timeout + " (last " + last + ")");
    }

    /** bin/stop, then waits for the process; ends it (and its children) if it does not go within 30 s. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        run(new ProcessBuilder(home.resolve("bin/stop").toString()));
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        process = null;
    }

    /**
     * Ends the server at once as {@code kill -9} would (SIGKILL to its Java process and the script that started it): no
     * shutdown hook, no bundle stopped, no transaction finished; what it had committed stays in the database.
     */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Whether the server's process (the script and its Java) still runs. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Waits until the server's process ends (after bin/stop, from this JVM or another), and answers its exit code. */
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    private static void run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.inheritIO().start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", pb.command()) + " failed");
        }
    }

    /** Replaces the lines matching {@code regex} by {@code replacement} (literal text), or appends it when none does. */
    private static void replaceLine(Path file, String regex, String replacement) throws IOException {
        String text = Files.readString(file);
        String changed = text.replaceAll("(?m)^" + regex + "$", java.util.regex.Matcher.quoteReplacement(replacement));
        if (changed.equals(text)) {
            changed = text + "\n" + replacement + "\n";
        }
        Files.writeString(file, changed);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
