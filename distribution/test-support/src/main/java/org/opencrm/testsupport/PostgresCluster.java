package org.opencrm.testsupport;

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
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for tests and benchmarks: initdb and pg_ctl from Debian's server binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, package postgresql, the newest version installed) in a folder of its own,
 * listening on 127.0.0.1 on a free port, with password authentication (scram-sha-256, as production has). Databases are
 * made on it each with a user of its own ({@link #createDatabase}); {@link #dataSourceConfig} names the keys of the
 * distribution's {@code etc/org.ops4j.datasource-crm.cfg} that point it at one, by configuration only.
 * <pre>
 * PostgresCluster pg = PostgresCluster.in(dir, "Some-pw-1").setting("max_connections", "200").start();
 * pg.createDatabase("crm");
 * pg.dataSourceConfig("crm").forEach((key, value) -&gt; ...);   // into etc/org.ops4j.datasource-crm.cfg
 * ...
 * pg.close();   // also done by a shutdown hook when the JVM ends first
 * </pre>
 * Server settings are PostgreSQL's defaults plus what {@link #setting} adds: a caller that measures keeps durability, a
 * caller that only needs a database may turn fsync off.
 *
 * <p>initdb and postgres refuse to run as root: as root (CI machines) every server program runs as the {@code postgres}
 * user the Debian package creates ({@code runuser -u postgres --}), which is then handed the cluster's folder. A
 * cluster left behind by a JVM that was killed is stopped and removed by the next {@link #start()} in the same folder.
 *
 * <p>Only the JDK is needed (no OSGi, no Pax Exam): the benchmarks in distribution/benchmarks use it from the jar.
 */
public final class PostgresCluster implements AutoCloseable {
    /** Written into the folder asked for when the cluster had to go to a temporary folder: that folder's path. */
    private static final String LOCATION = "location";

    private final Path requested;
    private final String password;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String temporaryFolderPrefix;
    private boolean keepAfterStop;

    // set by start()
    private Path home;
    private Path bin;
    private boolean root;
    private int port;
    private Thread hook;
    private boolean closed;

    private PostgresCluster(Path requested, String password) {
        this.requested = requested.toAbsolutePath();
        this.password = password;
    }

    /**
     * A cluster to be made in {@code dir} (deleted at {@link #start()}, with whatever a killed run left running there).
     * {@code password} is the superuser's ({@code postgres}) and every database user's.
     */
    public static PostgresCluster in(Path dir, String password) {
        return new PostgresCluster(dir, password);
    }

    /** A server setting ({@code -c name=value} on the postgres command line), in the order given. */
    public PostgresCluster setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /**
     * As root, when the postgres user cannot write the folder asked for (a checkout below /root, a folder it may not
     * enter): make the cluster in a temporary folder named {@code prefix...} instead, written down in the folder asked for
     * (file {@code location}) so that the next start finds and removes it if this JVM is killed. Without this such a
     * start fails.
     */
    public PostgresCluster orInTemporaryFolder(String prefix) {
        this.temporaryFolderPrefix = prefix;
        return this;
    }

    /**
     * {@link #close()} stops the cluster and leaves its folder (data and postgresql.log) for a look after the run; the
     * next start removes it. A cluster in a temporary folder ({@link #orInTemporaryFolder}) is still deleted, its
     * postgresql.log copied to the folder asked for first. Without this, close() deletes the folder.
     */
    public PostgresCluster keepAfterStop() {
        this.keepAfterStop = true;
        return this;
    }

    /**
     * Removes what a killed run left in the folder, then initdb and starts the cluster (waiting until it accepts
     * connections). From here on a shutdown hook calls {@link #close()} if the JVM ends first.
     */
    public synchronized PostgresCluster start() throws IOException {
        if (bin != null) {
            throw new IllegalStateException("PostgreSQL cluster in " + requested + " started already");
        }
        Path serverBin = serverBinaries();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        removeLeftover(serverBin, asRoot);
        Path dir = requested;
        Files.createDirectories(dir.resolve("data"));
        if (asRoot) {
            run(false, 60, "chown", "-R", "postgres:postgres", dir.toString());
            try {
                run(true, 60, "test", "-w", dir.resolve("data").toString());
            } catch (IOException unreachable) {
                if (temporaryFolderPrefix == null) {
                    throw new IOException("the postgres user cannot write " + dir + " (a parent folder it may not enter?): " + unreachable.getMessage(),
                            unreachable);
                }
                // below a folder the postgres user may not enter (/root on a CI machine): a temporary folder instead,
                // named in the folder asked for and removed at the end
                dir = Files.createTempDirectory(temporaryFolderPrefix);
                Files.createDirectories(dir.resolve("data"));
                run(false, 60, "chown", "-R", "postgres:postgres", dir.toString());
                Files.writeString(requested.resolve(LOCATION), dir + "\n");
            }
        }
        Path data = dir.resolve("data");
        Path pwfile = dir.resolve("pw");
        Files.writeString(pwfile, password + "\n");
        if (asRoot) {
            run(false, 60, "chown", "postgres:postgres", pwfile.toString());
        }
        // trust on the loopback interface would do for a throw-away cluster; a password is what production uses
        run(asRoot, 300, serverBin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--pwfile=" + pwfile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        int freePort = freePort();
        run(asRoot, 300, serverBin.resolve("pg_ctl").toString(), "start", "-w", "-t", "240", "-D", data.toString(), "-l",
                dir.resolve("postgresql.log").toString(), "-o", serverOptions(freePort, data, settings));
        home = dir;
        bin = serverBin;
        root = asRoot;
        port = freePort;
        hook = new Thread(this::closeQuietly, "stop-postgresql");
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    /**
     * A new empty database {@code name} owned by a user of the same name, whose password is the cluster's; answers its
     * JDBC URL.
     */
    public String createDatabase(String name) throws IOException {
        requireDatabaseName(name);
        psql("postgres", "CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
        // as docs/operations.md asks: the C collation, under which PostgreSQL's prefix searches (LIKE 'abc%') use B-tree indexes
        psql("postgres", "CREATE DATABASE " + name + " OWNER " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C'");
        return url(name);
    }

    /** {@code name} if it is a database (and user) name {@link #createDatabase} accepts: lower case letters, digits and _. */
    public static String requireDatabaseName(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a database name in lower case letters, digits and _: " + name);
        }
        return name;
    }

    /** jdbc:postgresql://127.0.0.1:PORT/DATABASE */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * The keys of etc/org.ops4j.datasource-crm.cfg that point the distribution at {@code database} (made by
     * {@link #createDatabase}): driver, url, user and password, and the driver setting docs/operations.md asks for
     * (reWriteBatchedInserts). The pool settings and the rest stay as shipped.
     */
    public Map<String, String> dataSourceConfig(String database) {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        cfg.put("url", url(database));
        cfg.put("user", database);
        cfg.put("password", password);
        cfg.put("reWriteBatchedInserts", "true");
        return cfg;
    }

    /** {@link #dataSourceConfig}'s user, password and driver settings as JDBC connection properties (all but driver and url). */
    public java.util.Properties connectionProperties(String database) {
        java.util.Properties props = new java.util.Properties();
        dataSourceConfig(database).forEach((k, v) -> {
            if (!k.equals("osgi.jdbc.driver.name") && !k.equals("url")) {
                props.setProperty(k, v);
            }
        });
        return props;
    }

    /** Runs {@code sql} in {@code database} as the superuser; answers the rows unaligned, without headers. */
    public String psql(String database, String sql) throws IOException {
        return run(root, 120, bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", database,
                "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    public int port() {
        return port;
    }

    /** The cluster's data folder (postmaster.pid, ...). */
    public Path dataDirectory() {
        return home.resolve("data");
    }

    /**
     * Stops the cluster (fast shutdown, waiting until the server has gone), then deletes its folder or, with
     * {@link #keepAfterStop()}, leaves it. Without keepAfterStop it fails, deleting nothing, if the server did not stop.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed || home == null) {
            return;
        }
        Path data = home.resolve("data");
        // -w is pg_ctl's default for stop since PostgreSQL 10: said anyway, the folder goes next
        run(root, 120, bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast", "-w");
        boolean relocated = !home.equals(requested);
        if (keepAfterStop) {
            if (relocated) {
                Files.copy(home.resolve("postgresql.log"), requested.resolve("postgresql.log"));
                deleteTree(home);
                Files.delete(requested.resolve(LOCATION));
            }
        } else {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                throw new IOException("PostgreSQL in " + home + " did not stop; see " + home.resolve("postgresql.log"));
            }
            deleteTree(home);
            if (relocated) {
                deleteTree(requested);
            }
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            System.err.println("PostgreSQL cluster in " + home.resolve("data") + " not stopped: " + e.getMessage());
        }
    }

    /**
     * Left by a JVM that was killed: stops what may still run in the folder asked for or in the temporary folder it
     * names, then deletes both. pg_ctl stop needs postmaster.pid; without it there is nothing it could stop.
     */
    private void removeLeftover(Path serverBin, boolean asRoot) throws IOException {
        Path location = requested.resolve(LOCATION);
        if (Files.isRegularFile(location)) {
            Path elsewhere = Path.of(Files.readString(location).strip());
            stopImmediately(elsewhere.resolve("data"), serverBin, asRoot);
            deleteTree(elsewhere);
        }
        stopImmediately(requested.resolve("data"), serverBin, asRoot);
        deleteTree(requested);
    }

    private void stopImmediately(Path data, Path serverBin, boolean asRoot) throws IOException {
        if (Files.isRegularFile(data.resolve("postmaster.pid"))) {
            run(asRoot, 60, serverBin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate");
        }
    }

    /**
     * The postgres command line pg_ctl passes on ({@code -o}): port, loopback only, the Unix socket in the data folder
     * (the default, /var/run/postgresql, is not writable by every user who runs this), then {@code settings} in their
     * order.
     */
    static String serverOptions(int port, Path data, Map<String, String> settings) {
        StringBuilder options = new StringBuilder("-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + data);
        settings.forEach((name, value) -> options.append(" -c ").append(name).append('=').append(value));
        return options.toString();
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

    /**
     * Runs a command to its end (as the postgres user when {@code asPostgres}) and answers its output; fails with its
     * output and errors otherwise.
     */
    private String run(boolean asPostgres, int timeoutSeconds, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line);
        pb.environment().put("PGPASSWORD", password);
        File out = File.createTempFile("crm-pg", ".out");
        File err = File.createTempFile("crm-pg", ".err");
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

    /** Deletes a folder and everything in it (nothing when it does not exist). */
    public static void deleteTree(Path dir) throws IOException {
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
