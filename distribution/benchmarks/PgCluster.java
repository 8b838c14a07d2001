import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencrm.testsupport.PostgresCluster;

/**
 * What the benchmarks need for {@code --postgresql} and {@code --nodes 2}, in one place: a throw-away PostgreSQL
 * cluster with one database and its own user, the distribution pointed at it by configuration only
 * ({@code etc/org.ops4j.datasource-crm.cfg}, as docs/operations.md says), and a second Karaf node copied from the
 * first with its ports moved and its own {@code karaf.name}. The cluster itself is {@link PostgresCluster} of
 * distribution/test-support, which the integration tests' TestDatabase uses too: Debian's newest server binaries, a free
 * port, as the {@code postgres} user when run as root (initdb refuses root), a cluster left by a killed run removed at
 * the next start.
 *
 * <p>Not a benchmark itself: run.sh compiles it into {@code target/bench-classes} against the test-support jar and puts
 * both on the class path of {@code java MembershipBenchmark.java} / {@code java HandsetBenchmark.java} (the JDK 17
 * source launcher compiles one file only). Everything is public because those programs live in another class loader.
 *
 * <p>The cluster is stopped and deleted by {@link #close()}, and by a shutdown hook if the benchmark fails or is
 * interrupted.
 */
public final class PgCluster implements AutoCloseable {
    private static final String PASSWORD = "Bench-db-1";

    private final PostgresCluster cluster;

    private PgCluster(PostgresCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * initdb and start a cluster in {@code dir} (deleted first, with whatever a killed run left running there). Durable
     * settings as in production (fsync and synchronous commit on, like Derby's default); only the connection limits of
     * docs/operations.md (the DataSource is an XA pool of up to 24 connections per node).
     */
    public static PgCluster start(Path dir) throws IOException {
        return new PgCluster(PostgresCluster.in(dir, PASSWORD).setting("max_connections", "200").setting("max_prepared_transactions", "100").start());
    }

    /** A new empty database {@code name} owned by a user of the same name (with a password, as production has). */
    public String createDatabase(String name) throws IOException {
        return cluster.createDatabase(name);
    }

    public String url(String database) {
        return cluster.url(database);
    }

    /** What etc/org.ops4j.datasource-crm.cfg gets for {@code database}: url, user, password (a direct JDBC client uses them too). */
    public Map<String, String> dataSourceConfig(String database) {
        return cluster.dataSourceConfig(database);
    }

    /** The user, password and driver settings of {@link #dataSourceConfig} as JDBC connection properties. */
    public java.util.Properties connectionProperties(String database) {
        return cluster.connectionProperties(database);
    }

    /**
     * Points an unpacked distribution at {@code database}: the keys of etc/org.ops4j.datasource-crm.cfg that
     * docs/operations.md names for PostgreSQL; the pool settings and the rest stay as shipped.
     */
    public void configure(Path karafHome, String database) throws IOException {
        Path cfg = karafHome.resolve("etc/org.ops4j.datasource-crm.cfg");
        String text = Files.readString(cfg);
        for (Map.Entry<String, String> e : cluster.dataSourceConfig(database).entrySet()) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(e.getKey()) + "\\s*=.*$").matcher(text);
            String line = e.getKey() + "=" + e.getValue();
            text = m.find() ? m.replaceFirst(Matcher.quoteReplacement(line)) : text + (text.endsWith("\n") ? "" : "\n") + line + "\n";
        }
        Files.writeString(cfg, text);
    }

    /** Size of the database on disk (pg_database_size), in bytes. */
    public long databaseBytes(String database) throws IOException {
        return Long.parseLong(cluster.psql("postgres", "SELECT pg_database_size('" + database + "')").strip());
    }

    /** The server's version, e.g. "PostgreSQL 15.14". */
    public String version() {
        try {
            return "PostgreSQL " + cluster.psql("postgres", "SHOW server_version").strip();
        } catch (IOException e) {
            return "PostgreSQL (version unknown)";
        }
    }

    public int port() {
        return cluster.port();
    }

    /**
     * CPU jiffies (1/100 s, user + system) of the postmaster and its live children (the backends serving the pools'
     * connections, which live as long as their connection): the database's share of the machine beside Karaf's.
     */
    public long cpuJiffies() {
        try {
            long pid = Long.parseLong(Files.readAllLines(cluster.dataDirectory().resolve("postmaster.pid")).get(0).strip());
            long sum = procJiffies(pid);
            for (ProcessHandle h : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
                sum += procJiffies(h.pid());
            }
            return sum;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Stops the cluster (fast shutdown) and deletes its folder; fails if it did not stop. */
    @Override
    public void close() throws IOException {
        cluster.close();
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

    public static long procJiffies(long pid) {
        try {
            String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        PostgresCluster.deleteTree(dir);
    }

    /** Ends a Karaf node at once (its script and the JVM below it), if it runs. */
    public static void kill(Process p) {
        if (p != null && p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** The nodes' launcher processes that were started (bin/karaf; the JVM is its child). */
    public static List<Process> started(Process... nodes) {
        List<Process> list = new java.util.ArrayList<>();
        for (Process p : nodes) {
            if (p != null) {
                list.add(p);
            }
        }
        return list;
    }
}
