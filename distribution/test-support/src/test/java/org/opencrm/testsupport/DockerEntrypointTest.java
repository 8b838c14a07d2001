package org.opencrm.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * distribution/docker/docker-entrypoint.sh, run by sh as the container runs it: the DataSource it writes from
 * CRM_DB_URL has the keys docs/operations.md names (it once wrote pool.maxTotal, which the pool ignores, and every
 * container ran on 2 connections).
 */
class DockerEntrypointTest {
    private static final Path SCRIPT = Path.of("..", "docker", "docker-entrypoint.sh").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void aPostgresqlUrlWritesTheDataSourceTheOperationsGuideDescribes() throws Exception {
        Properties cfg = dataSource(run(Map.of("CRM_DB_URL", "jdbc:postgresql://db:5432/crm", "CRM_DB_USER", "crm", "CRM_DB_PASSWORD", "s3cret")));
        assertEquals("PostgreSQL JDBC Driver", cfg.getProperty("osgi.jdbc.driver.name"));
        assertEquals("jdbc:postgresql://db:5432/crm", cfg.getProperty("url"));
        assertEquals("crm", cfg.getProperty("user"));
        assertEquals("s3cret", cfg.getProperty("password"));
        assertEquals("crm", cfg.getProperty("dataSourceName"));
        assertEquals("transx", cfg.getProperty("pool"));
        assertEquals("true", cfg.getProperty("xa"));
        assertEquals("24", cfg.getProperty("pool.maxPoolSize"), "the key pax-transx reads");
        assertFalse(cfg.containsKey("pool.maxTotal"), "a key the pool ignores");
        assertEquals("true", cfg.getProperty("reWriteBatchedInserts"));
    }

    @Test
    void thePoolSizeComesFromTheEnvironment() throws Exception {
        Properties cfg = dataSource(run(Map.of("CRM_DB_URL", "jdbc:postgresql://db/crm", "CRM_DB_POOL_MAX", "40")));
        assertEquals("40", cfg.getProperty("pool.maxPoolSize"));
    }

    @Test
    void anotherDatabaseIsRefusedAndNothingWritten() throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Process p = start(Map.of("CRM_DB_URL", "jdbc:mysql://db/crm"));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(64, p.exitValue());
        assertFalse(Files.exists(home.resolve("etc/org.ops4j.datasource-crm.cfg")));
    }

    /** Runs the script with {@code true} as the command; answers etc/ of the Karaf home it wrote to. */
    private Path run(Map<String, String> env) throws IOException, InterruptedException {
        Files.createDirectories(home.resolve("etc"));
        Process p = start(env);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the entrypoint ended");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return home.resolve("etc");
    }

    private Process start(Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", SCRIPT.toString(), "true").redirectErrorStream(true);
        // only what the test sets: a CRM_* variable of the machine running the tests must not leak into the script
        pb.environment().keySet().removeIf(k -> k.startsWith("CRM_"));
        pb.environment().put("KARAF_HOME", home.toString());
        pb.environment().put("CRM_ETC_OVERRIDES", home.resolve("no-overrides").toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static Properties dataSource(Path etc) throws IOException {
        Properties cfg = new Properties();
        cfg.load(new StringReader(Files.readString(etc.resolve("org.ops4j.datasource-crm.cfg"))));
        return cfg;
    }
}
