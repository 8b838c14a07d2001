package org.opencrm.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What needs no server: the postgres command line, the datasource keys, database names. */
class PostgresClusterTest {
    private static final Path DATA = Path.of("/tmp/x/data");

    @Test
    void serverOptionsWithoutSettingsAreLoopbackAndASocketInTheDataFolder() {
        assertEquals("-p 5555 -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp/x/data",
                PostgresCluster.serverOptions(5555, DATA, Map.of()));
    }

    /** The integration tests' settings (TestDatabase) give the command line TestDatabase ran before PostgresCluster. */
    @Test
    void integrationTestSettingsInTheirOrder() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("full_page_writes", "off");
        settings.put("max_connections", "200");
        settings.put("max_prepared_transactions", "50");
        assertEquals("-p 5555 -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp/x/data"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
                + " -c max_prepared_transactions=50", PostgresCluster.serverOptions(5555, DATA, settings));
    }

    /** The benchmarks' settings (PgCluster) give the command line PgCluster ran before PostgresCluster. */
    @Test
    void benchmarkSettingsInTheirOrder() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("max_connections", "200");
        settings.put("max_prepared_transactions", "100");
        assertEquals("-p 5555 -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp/x/data"
                + " -c max_connections=200 -c max_prepared_transactions=100", PostgresCluster.serverOptions(5555, DATA, settings));
    }

    @Test
    void dataSourceConfigNamesDriverUrlUserPasswordAndBatchRewriting() {
        PostgresCluster cluster = PostgresCluster.in(Path.of("target/unused"), "Pw-1");
        Map<String, String> cfg = cluster.dataSourceConfig("crm");
        assertEquals(List.of("osgi.jdbc.driver.name", "url", "user", "password", "reWriteBatchedInserts"), List.copyOf(cfg.keySet()));
        assertEquals("PostgreSQL JDBC Driver", cfg.get("osgi.jdbc.driver.name"));
        assertEquals("crm", cfg.get("user"));
        assertEquals("Pw-1", cfg.get("password"));
        assertEquals("true", cfg.get("reWriteBatchedInserts"));
        assertEquals(Map.of("user", "crm", "password", "Pw-1", "reWriteBatchedInserts", "true"), Map.copyOf(cluster.connectionProperties("crm")));
    }

    @Test
    void databaseNamesAreLowerCaseLettersDigitsAndUnderscores() {
        assertEquals("crm_two_node", PostgresCluster.requireDatabaseName("crm_two_node"));
        for (String bad : List.of("Crm", "1crm", "crm-bench", "crm; DROP ROLE postgres", "")) {
            assertThrows(IllegalArgumentException.class, () -> PostgresCluster.requireDatabaseName(bad), bad);
        }
    }
}
