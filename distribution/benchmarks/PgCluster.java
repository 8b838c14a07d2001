import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the benchmarks need for {@code --postgresql} and {@code --nodes 2}, in one place: a throw-away PostgreSQL
 * cluster from Debian's server binaries ({@code /usr/lib/postgresql/<version>/bin}, the newest installed) on a free
 * port, one database with its own user, the distribution pointed at it by configuration only
 * ({@code etc/org.ops4j.datasource-crm.cfg}, as docs/operations.md says), and a second Karaf node copied from the
 * first with its ports moved and its own {@code karaf.name}. The approach is the integration tests' TestDatabase
 * (which a single-file benchmark cannot import).
 *
 * <p>Not a benchmark itself: run.sh compiles it into {@code target/bench-classes} and puts that on the class path of
 * {@code java MembershipBenchmark.java} / {@code java HandsetBenchmark.java} (the JDK 17 source launcher compiles one
 * file only). Everything is public because those programs live in another class loader.
 *
 * <p>initdb and postgres refuse to run as root: as root they run as the {@code postgres} user the Debian package
 * creates, which then owns the cluster's folder. The cluster is stopped and deleted by {@link #close()}, and by a
 * shutdown hook if the benchmark fails or is interrupted; a cluster left by a killed run is removed at the next start.
 */
public final class PgCluster implements AutoCloseable {
    private static final String PASSWORD = "Bench-db-1";

    private final Path dir;
    private final Path bin;
    private final boolean root;
    private final int port;
    private final Thread hook;
    private boolean closed;

    private PgCluster(Path dir, Path bin, boolean root, int port) {
        this.dir = dir;
        this.bin = bin;
        this.root = root;
        this.port = port;
        this.hook = new Thread(this::stopQuietly, "stop-postgresql");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * initdb and start a cluster in {@code dir} (deleted first, with whatever a killed run left running there). Durable
     * settings as in production (fsync and synchronous commit on, like Derby's default); only the connection limits of
     * docs/operations.md (the DataSource is an XA pool of up to 24 connections per node).
     */
    public static PgCluster start(Path dir) throws IOException {
        dir = dir.toAbsolutePath();
        Path bin = serverBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (Files.isRegularFile(dir.resolve("data/postmaster.pid"))) {
            run(root, 60, bin.resolve("pg_ctl").toString(), "stop", "-D", dir.resolve("data").toString(), "-m", "immediate");
        }
        deleteTree(dir);
        Files.createDirectories(dir.resolve("data"));
        Path pwfile = dir.resolve("pw");
        Files.writeString(pwfile, PASSWORD + "\n");
        if (root) {
            run(false, 60, "chown", "-R", "postgres:postgres", dir.toString());
            try {
                run(true, 60, "test", "-w", dir.resolve("data").toString());
            } catch (IOException e) {
                throw new IOException("the postgres user cannot write " + dir + " (a parent folder it may not enter?): " + e.getMessage(), e);
            }
        }
        Path data = dir.resolve("data");
        run(root, 300, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--pwfile=" + pwfile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        int port = freePort();
        String settings = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data
                + " -c max_connections=200 -c max_prepared_transactions=100";
        run(root, 300, bin.resolve("pg_ctl").toString(), "start", "-w", "-t", "240", "-D", data.toString(), "-l",
                dir.resolve("postgresql.log").toString(), "-o", settings);
        return new PgCluster(dir, bin, root, port);
    }

    /** A new empty database {@code name} owned by a user of the same name (with a password, as production has). */
    public String createDatabase(String name) throws IOException {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a database name in lower case letters, digits and _: " + name);
        }
        psql("postgres", "CREATE ROLE " + name + " LOGIN PASSWORD '" + PASSWORD + "'");
        psql("postgres", "CREATE DATABASE " + name + " OWNER " + name);
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Points an unpacked distribution at {@code database}: the keys of etc/org.ops4j.datasource-crm.cfg that
     * docs/operations.md names for PostgreSQL; the pool settings and the rest stay as shipped.
     */
    public void configure(Path karafHome, String database) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        keys.put("url", url(database));
        keys.put("user", database);
        keys.put("password", PASSWORD);
        Path cfg = karafHome.resolve("etc/org.ops4j.datasource-crm.cfg");
        String text = Files.readString(cfg);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(e.getKey()) + "\\s*=.*$").matcher(text);
            String line = e.getKey() + "=" + e.getValue();
            text = m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : text + (text.endsWith("\n") ? "" : "\n") + line + "\n";
        }
        Files.writeString(cfg, text);
    }

    /** Size of the database on disk (pg_database_size), in bytes. */
    public long databaseBytes(String database) throws IOException {
        return Long.parseLong(psql("postgres", "SELECT pg_database_size('" + database + "')").strip());
    }

    /** The server's version, e.g. "PostgreSQL 15.14". */
    public String version() {
        try {
            return "PostgreSQL " + psql("postgres", "SHOW server_version").strip();
        } catch (IOException e) {
            return "PostgreSQL (version unknown)";
        }
    }

    public int port() {
        return port;
    }

    /**
     * CPU jiffies (1/100 s, user + system) of the postmaster and its live children (the backends serving the pools'
     * connections, which live as long as their connection): the database's share of the machine beside Karaf's.
     */
    public long cpuJiffies() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).strip());
            long sum = procJiffies(pid);
            for (ProcessHandle h : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
                sum += procJiffies(h.pid());
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Stops the cluster (fast shutdown) and deletes its folder. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        run(root, 120, bin.resolve("pg_ctl").toString(), "stop", "-D", dir.resolve("data").toString(), "-m", "fast", "-w");
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            throw new IOException("PostgreSQL in " + dir + " did not stop; see " + dir.resolve("postgresql.log"));
        }
        deleteTree(dir);
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    private void stopQuietly() {
        try {
            close();
        } catch (IOException e) {
            System.err.println("PostgreSQL cluster in " + dir + " not stopped: " + e.getMessage());
        }
    }

    private String psql(String database, String sql) throws IOException {
        return run(root, 120, bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", database,
                "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    // ------------------------------------------------------------------ a second Karaf node

    /**
     * Copies an unpacked, never started distribution ({@code from}, no data/cache yet) to {@code to} and moves every port
     * the first node's etc/ sets by {@code portOffset}: HTTP (org.ops4j.pax.web.cfg), ssh (org.apache.karaf.shell.cfg)
     * and the RMI registry and server (org.apache.karaf.management.cfg). Both nodes then get their own
     * {@code karaf.name}, the id a node has in logs and in the cluster's job leases.
     */
    public static void copyNode(Path from, Path to, int portOffset, String fromName, String toName) throws IOException {
        // the bundle cache appears at the first start (the distribution itself ships data/tmp): a started node holds ids of its own
        if (Files.exists(from.resolve("data/cache"))) {
            throw new IllegalStateException(from + " has been started already (data/cache): copy a fresh unpack only");
        }
        deleteTree(to);
        Process cp = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
        try {
            if (cp.waitFor() != 0) {
                throw new IOException("could not copy " + from + " to " + to);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Path etc = to.resolve("etc");
        shiftPort(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", portOffset);
        shiftPort(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", portOffset);
        shiftPort(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", portOffset);
        shiftPort(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", portOffset);
        setKarafName(from, fromName);
        setKarafName(to, toName);
    }

    /** The HTTP port an unpacked distribution listens on (etc/org.ops4j.pax.web.cfg). */
    public static int httpPort(Path karafHome) throws IOException {
        return port(karafHome.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port");
    }

    /** The ssh port of the Karaf shell (etc/org.apache.karaf.shell.cfg). */
    public static int sshPort(Path karafHome) throws IOException {
        return port(karafHome.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort");
    }

    private static int port(Path cfg, String key) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=\\s*(\\d+)\\s*$").matcher(Files.readString(cfg));
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + cfg);
        }
        return Integer.parseInt(m.group(1));
    }

    private static void shiftPort(Path cfg, String key, int offset) throws IOException {
        int port = port(cfg, key);
        Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^" + Pattern.quote(key) + "\\s*=.*$", key + " = " + (port + offset)));
    }

    private static void setKarafName(Path karafHome, String name) throws IOException {
        Path props = karafHome.resolve("etc/system.properties");
        String text = Files.readString(props).replaceAll("(?m)^karaf\\.name\\s*=.*$", "");
        Files.writeString(props, text + (text.endsWith("\n") ? "" : "\n") + "karaf.name=" + name + "\n");
    }

    // ------------------------------------------------------------------ helpers

    /** Debian's server binaries (package postgresql), the newest version installed. */
    private static Path serverBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IOException("no /usr/lib/postgresql: install Debian's postgresql package");
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

    /** Runs a command to its end (as the postgres user when {@code asPostgres}) and returns its output; fails with it otherwise. */
    private static String run(boolean asPostgres, int timeoutSeconds, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line);
        pb.environment().put("PGPASSWORD", PASSWORD);
        File out = File.createTempFile("bench-pg", ".out");
        File err = File.createTempFile("bench-pg", ".err");
        pb.redirectOutput(out).redirectError(err);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", line) + ": no end after " + timeoutSeconds + " s");
            }
            String output = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            // pg_ctl stop on a cluster that is not running is fine: the goal is a stopped cluster
            if (p.exitValue() != 0 && !(command.length > 1 && "stop".equals(command[1]))) {
                throw new IOException(String.join(" ", line) + " exited " + p.exitValue() + ": " + output
                        + Files.readString(err.toPath(), StandardCharsets.UTF_8));
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }

    static long procJiffies(long pid) {
        try {
            String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
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
