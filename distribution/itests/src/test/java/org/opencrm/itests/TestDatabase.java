package org.opencrm.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opencrm.testsupport.PostgresCluster;
import org.ops4j.pax.exam.Option;

/**
 * The database the suite runs against: embedded Derby (the distribution's default, nothing to do) or, with
 * {@code -Dcrm.itest.database=postgresql}, a throw-away PostgreSQL cluster in {@code target/postgresql} on a free port.
 * {@link TwoNodeIT} takes a database of its own on the same cluster ({@link #postgresql(String)}), whatever
 * {@code crm.itest.database} says. The cluster ({@link PostgresCluster}, from Debian's server binaries) is started here
 * once per test JVM and stopped when the JVM ends, whether the tests passed or not; its folder stays for a look until
 * the next run. A cluster left behind by a JVM that was killed is stopped and removed before the next one is made. The
 * distribution is switched to it by configuration only, as the README says: {@code etc/org.ops4j.datasource-crm.cfg}
 * ({@link Database#dataSourceConfig()}).
 */
final class TestDatabase {
    /** The suite's database (and its user); {@link TwoNodeIT} has one of its own. */
    private static final String DATABASE = "crm";
    private static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-crm.cfg";
    private static final String PASSWORD = "Itest-db-1";
    /** The running cluster of this JVM, or null (started once, whatever number of test classes ask). */
    private static PostgresCluster cluster;
    /** The databases made on it so far, by name. */
    private static final Map<String, Database> databases = new HashMap<>();

    private TestDatabase() {
    }

    /**
     * A database on the test cluster, owned by its own user: a JDBC URL for a test's own checks, and the keys of
     * etc/org.ops4j.datasource-crm.cfg that point the distribution at it (the rest stays as shipped).
     */
    record Database(String url, String user, String password, Map<String, String> dataSourceConfig) {
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
        PostgresCluster.requireDatabaseName(name);
        Database existing = databases.get(name);
        if (existing != null) {
            return existing;
        }
        if (cluster == null) {
            cluster = startPostgresql();
        }
        try {
            Database made = new Database(cluster.createDatabase(name), name, PASSWORD, cluster.dataSourceConfig(name));
            databases.put(name, made);
            System.out.println("PostgreSQL test database " + made.url());
            return made;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test database " + name + " not made: " + e.getMessage(), e);
        }
    }

    private static PostgresCluster startPostgresql() {
        Path dir = Path.of(System.getProperty("crm.itest.postgresqlDir", "target/postgresql"));
        try {
            PostgresCluster started = PostgresCluster.in(dir, PASSWORD)
                    // the checkout is below a folder the postgres user may not enter (/root on a CI machine): the cluster
                    // goes to a temporary folder instead, named in target/postgresql/location and removed at the end
                    .orInTemporaryFolder("crm-itest-postgresql")
                    // the stopped cluster and its postgresql.log stay in target/postgresql after the run
                    .keepAfterStop()
                    // durability is not under test here: no fsync makes the suite's thousands of commits cheap
                    .setting("fsync", "off").setting("synchronous_commit", "off").setting("full_page_writes", "off")
                    .setting("max_connections", "200").setting("max_prepared_transactions", "50")
                    .start();
            System.out.println("PostgreSQL test cluster on port " + started.port() + " in " + started.dataDirectory());
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test cluster not started: " + e.getMessage(), e);
        }
    }
}
