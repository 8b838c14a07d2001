package org.opencrm.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/**
 * The database the suite runs against: embedded Derby (the distribution's default, nothing to do) or, with
 * {@code -Dcrm.itest.database=postgresql}, a throw-away PostgreSQL cluster in {@code target/postgresql} on a free port.
 * {@link TwoNodeIT} takes a database of its own on the same cluster ({@link #postgresql(String)}), whatever
 * {@code crm.itest.database} says. The cluster is started here once per test JVM from Debian's server binaries ({@code /usr/lib/postgresql/<version>/bin}) and stopped
 * when the JVM ends, whether the tests passed or not. A cluster left behind by a JVM that was killed is stopped and
 * removed before the next one is made. The distribution is switched to it by configuration only, as the README says:
 * {@code etc/org.ops4j.datasource-crm.cfg} ({@link Database#dataSourceConfig()}).
 *
 * <p>initdb and postgres refuse to run as root: as root (CI machines) they run as the {@code postgres} user the Debian
 * package creates, which then owns the cluster's folder.
 */
final class TestDatabase {
    /** The suite's database (and its user); {@link TwoNodeIT} has one of its own. */
    private static final String DATABASE = "crm";
    private static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-crm.cfg";
    private static final String PASSWORD = "Itest-db-1";
    /** The running cluster of this JVM, or null (started once, whatever number of test classes ask). */
    private static Cluster cluster;
    /** The databases made on it so far, by name. */
    private static final Map<String, Database> databases = new HashMap<>();

    private TestDatabase() {
    }

    /** The throw-away cluster: its port, server binaries and whether its programs run as the postgres user. */
    private record Cluster(int port, Path bin, boolean root) {
    }

    /**
     * A database on the test cluster, owned by its own user: what etc/org.ops4j.datasource-crm.cfg says to reach it,
     * and a JDBC URL for a test's own checks.
     */
    record Database(String url, String user, String password) {
        /** The keys of etc/org.ops4j.datasource-crm.cfg that point the distribution at it (the rest stays as shipped). */
        Map<String, String> dataSourceConfig() {
            Map<String, String> cfg = new LinkedHashMap<>();
            cfg.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
            cfg.put("url", url);
            cfg.put("user", user);
            cfg.put("password", password);
            return cfg;
        }
    }

    /** The configuration options that point the distribution at the chosen database (none for Derby). */
    static synchronized List<Option> options() {
        String database = System.getProperty("crm.itest.database", "derby");
        if ("derby".equals(database)) {
            return List.of();
        }
        if (!"postgresql".equals(database)) {
            throw new IllegalArgumentException("crm.itest.database: derby or postgresql, not " + database);
        }
        List<Option> options = new ArrayList<>();
        postgresql(DATABASE).dataSourceConfig().forEach((key, value) -> options.add(editConfigurationFilePut(DATASOURCE_CFG, key, value)));
        return options;
    }

    /**
     * The database {@code name} on this JVM's throw-away PostgreSQL cluster (started at the first call), created
     * empty at the first call for that name, owned by a user of the same name with a password.
     */
    static synchronized Database postgresql(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a database name in lower case letters, digits and _: " + name);
        }
        Database existing = databases.get(name);
        if (existing != null) {
            return existing;
        }
        try {
            if (cluster == null) {
                cluster = startPostgresql();
            }
            String[] client = { "-h", "127.0.0.1", "-p", Integer.toString(cluster.port()), "-U", "postgres" };
            runWithPassword(cluster.root(), cluster.bin().resolve("createuser").toString(), client, name);
            runWithPassword(cluster.root(), cluster.bin().resolve("psql").toString(), client, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c",
                    "ALTER ROLE " + name + " PASSWORD '" + PASSWORD + "'");
            runWithPassword(cluster.root(), cluster.bin().resolve("createdb").toString(), client, "-O", name, name);
            Database made = new Database("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + name, name, PASSWORD);
            databases.put(name, made);
            System.out.println("PostgreSQL test database " + made.url());
            return made;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test database " + name + " not made: " + e.getMessage(), e);
        }
    }

    private static Cluster startPostgresql() {
        try {
            Path bin = serverBinaries();
            Path requested = Path.of(System.getProperty("crm.itest.postgresqlDir", "target/postgresql")).toAbsolutePath();
            boolean root = "root".equals(System.getProperty("user.name"));
            // left by a JVM that was killed: stop what may still run there (or where it points), then start afresh
            Path location = requested.resolve("location");
            if (Files.isRegularFile(location)) {
                Path elsewhere = Path.of(Files.readString(location).strip());
                if (Files.isDirectory(elsewhere.resolve("data"))) {
                    run(root, 60, bin.resolve("pg_ctl").toString(), "stop", "-D", elsewhere.resolve("data").toString(), "-m", "immediate");
                }
                deleteTree(elsewhere);
            }
            if (Files.isDirectory(requested.resolve("data"))) {
                run(root, 60, bin.resolve("pg_ctl").toString(), "stop", "-D", requested.resolve("data").toString(), "-m", "immediate");
            }
            deleteTree(requested);
            Path home = requested;
            Files.createDirectories(home.resolve("data"));
            if (root) {
                run(false, 60, "chown", "-R", "postgres:postgres", home.toString());
                try {
                    run(true, 60, "test", "-w", home.resolve("data").toString());
                } catch (IOException unreachable) {
                    // the checkout is below a folder the postgres user may not enter (/root on a CI machine): the cluster
                    // goes to a temporary folder instead, named in target/postgresql/location and removed at the end
                    home = Files.createTempDirectory("crm-itest-postgresql");
                    Files.createDirectories(home.resolve("data"));
                    run(false, 60, "chown", "-R", "postgres:postgres", home.toString());
                    Files.writeString(location, home + "\n");
                }
            }
            Path data = home.resolve("data");
            Path pwfile = home.resolve("pw");
            Files.writeString(pwfile, PASSWORD + "\n");
            if (root) {
                run(false, 60, "chown", "postgres:postgres", pwfile.toString());
            }
            // trust on the loopback interface would do for a throw-away cluster; a password is what production uses
            run(root, 300, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--pwfile=" + pwfile,
                    "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            int port = freePort();
            // durability is not under test here: no fsync makes the suite's thousands of commits cheap
            String settings = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data
                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
                    + " -c max_prepared_transactions=50";
            run(root, 300, bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "240", "-D", data.toString(),
                    "-l", home.resolve("postgresql.log").toString(), "-o", settings);
            Path made = home;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(root, 120, bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast");
                    if (!made.equals(requested)) {
                        Files.copy(made.resolve("postgresql.log"), requested.resolve("postgresql.log"));
                        deleteTree(made);
                        Files.delete(location);
                    }
                } catch (IOException e) {
                    System.err.println("PostgreSQL test cluster in " + data + " not stopped: " + e.getMessage());
                }
            }, "stop-postgresql"));
            System.out.println("PostgreSQL test cluster on port " + port + " in " + data);
            return new Cluster(port, bin, root);
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test cluster not started: " + e.getMessage(), e);
        }
    }

    /** Debian's server binaries (package postgresql), the newest version installed. */
    private static Path serverBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IOException("no /usr/lib/postgresql: install Debian's postgresql package (.ci/run does)");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("no initdb under " + root));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void runWithPassword(boolean root, String program, String[] client, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(client));
        command.addAll(List.of(args));
        run(root, 120, command.toArray(String[]::new));
    }

    /** Runs a command to its end (as the postgres user when {@code asPostgres}); fails with its output otherwise. */
    private static void run(boolean asPostgres, int timeoutSeconds, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", PASSWORD);
        File out = File.createTempFile("crm-pg", ".out");
        pb.redirectOutput(out);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", line) + ": no end after " + timeoutSeconds + " s");
            }
            String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0 && !(command.length > 1 && "stop".equals(command[1]))) {
                throw new IOException(String.join(" ", line) + " exited " + p.exitValue() + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out.toPath());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
