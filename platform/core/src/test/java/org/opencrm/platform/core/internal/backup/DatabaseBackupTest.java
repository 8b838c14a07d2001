package org.opencrm.platform.core.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencrm.platform.api.ConflictException;

/**
 * The online backup on a real embedded Derby database that another connection keeps writing to, restored into fresh
 * databases the ways docs/operations.md describes (createFrom for a new node, restoreFrom over an existing one).
 */
class DatabaseBackupTest {
    @TempDir
    Path tmp;
    private final java.util.List<String> opened = new java.util.ArrayList<>();

    private Connection open(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        String path = url.substring("jdbc:derby:".length());
        opened.add(path.contains(";") ? path.substring(0, path.indexOf(';')) : path);
        return c;
    }

    @AfterEach
    void shutDown() {
        for (String db : opened) {
            try {
                DriverManager.getConnection("jdbc:derby:" + db + ";shutdown=true").close();
            } catch (SQLException expected) {
                // 08006: the database is closed
            }
        }
    }

    /** Rows written in pairs, one transaction per pair: a consistent copy has every pair whole. */
    private static void writePair(Connection c, int pair) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO T (PAIR, HALF) VALUES (?, ?)")) {
            for (int half = 0; half < 2; half++) {
                ps.setInt(1, pair);
                ps.setInt(2, half);
                ps.executeUpdate();
            }
        }
        c.commit();
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aBackupTakenWhileAnotherConnectionWritesRestoresIntoAFreshDatabase() throws Exception {
        Path live = tmp.resolve("node/data/crmdb");
        Connection writer = open("jdbc:derby:" + live + ";create=true");
        try (Statement s = writer.createStatement()) {
            s.execute("CREATE TABLE T (PAIR INT NOT NULL, HALF INT NOT NULL, FILLER VARCHAR(200) DEFAULT '" + "x".repeat(200) + "')");
        }
        writer.setAutoCommit(false);
        int before = 500;
        for (int i = 0; i < before; i++) {
            writePair(writer, i);
        }
        // a second connection keeps committing pairs while the backup runs: the database stays open and writable
        AtomicInteger written = new AtomicInteger(before);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch running = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread load = new Thread(() -> {
            try {
                while (!stop.get()) {
                    writePair(writer, written.get());
                    written.incrementAndGet();
                    running.countDown();
                }
            } catch (Throwable t) {
                failure.set(t);
                running.countDown();
            }
        }, "writer");
        load.start();
        running.await();
        int committedBeforeBackup = written.get();
        DatabaseBackup.Backup b;
        try (Connection c = open("jdbc:derby:" + live)) {
            b = DatabaseBackup.backUp(c, tmp.resolve("backup/20261206T120000Z"));
        }
        int committedDuringBackup = written.get() - committedBeforeBackup;
        System.out.printf("Backup of %d rows took %d ms; the writer committed %d transactions meanwhile%n", committedBeforeBackup * 2, b.millis(),
                committedDuringBackup);
        stop.set(true);
        load.join();
        assertNull(failure.get(), "the writer never failed while the backup ran");
        assertEquals(tmp.resolve("backup/20261206T120000Z/crmdb"), b.database());
        assertTrue(Files.isRegularFile(b.database().resolve("service.properties")), "a complete Derby database folder");
        assertEquals("Apache Derby", b.product());
        try (Connection c = open("jdbc:derby:" + live)) {
            assertEquals(written.get() * 2, count(c, "SELECT COUNT(*) FROM T"), "the live database kept every write");
        }

        // a fresh node: a new data folder created from the backup
        Path fresh = tmp.resolve("fresh/data/crmdb");
        try (Connection c = open("jdbc:derby:" + fresh + ";createFrom=" + b.database())) {
            int rows = count(c, "SELECT COUNT(*) FROM T");
            assertTrue(rows >= committedBeforeBackup * 2, rows + " rows: every pair committed before the backup started is in the copy");
            assertTrue(rows <= (committedBeforeBackup + committedDuringBackup + 1) * 2, rows + " rows: nothing after the backup ended");
            assertEquals(0, count(c, "SELECT COUNT(*) FROM (SELECT PAIR FROM T GROUP BY PAIR HAVING COUNT(*) <> 2) X"),
                    "no transaction is half in the copy");
            try (Statement s = c.createStatement()) {
                assertEquals(1, s.executeUpdate("INSERT INTO T (PAIR, HALF) VALUES (-1, 0)"), "the restored database is writable");
            }
            // while it runs, the pool's further connections with the same URL open the same database (no second restore)
            try (Connection more = DriverManager.getConnection("jdbc:derby:" + fresh + ";createFrom=" + b.database())) {
                assertEquals(1, count(more, "SELECT COUNT(*) FROM T WHERE PAIR = -1"));
            }
        }
        // at the next start the URL must be the normal one again: createFrom refuses an existing database (and changes
        // nothing), the normal URL opens the restored one
        try {
            DriverManager.getConnection("jdbc:derby:" + fresh + ";shutdown=true");
        } catch (SQLException closed) {
            // 08006
        }
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:derby:" + fresh + ";createFrom=" + b.database()).close());
        try (Connection c = open("jdbc:derby:" + fresh + ";create=true")) {
            assertEquals(1, count(c, "SELECT COUNT(*) FROM T WHERE PAIR = -1"), "the restored database with what was written after");
        }
        // restoreFrom replaces an existing database with the copy
        Path existing = tmp.resolve("other/data/crmdb");
        try (Connection c = open("jdbc:derby:" + existing + ";create=true"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE OTHER (X INT)");
        }
        try {
            DriverManager.getConnection("jdbc:derby:" + existing + ";shutdown=true");
        } catch (SQLException closed) {
            // 08006
        }
        try (Connection c = open("jdbc:derby:" + existing + ";restoreFrom=" + b.database())) {
            assertTrue(count(c, "SELECT COUNT(*) FROM T") >= committedBeforeBackup * 2);
            assertEquals(0, count(c, "SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLENAME = 'OTHER'"), "the database the copy replaced is gone");
        }
    }

    @Test
    void aSecondBackupIntoTheSameFolderReplacesTheFirst() throws Exception {
        Path live = tmp.resolve("data/crmdb");
        try (Connection c = open("jdbc:derby:" + live + ";create=true"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (X INT)");
            s.execute("INSERT INTO T VALUES (1)");
            DatabaseBackup.backUp(c, tmp.resolve("nightly"));
            s.execute("INSERT INTO T VALUES (2)");
            DatabaseBackup.Backup second = DatabaseBackup.backUp(c, tmp.resolve("nightly"));
            try (Connection copy = open("jdbc:derby:" + tmp.resolve("copy") + ";createFrom=" + second.database())) {
                assertEquals(2, count(copy, "SELECT COUNT(*) FROM T"));
            }
        }
    }

    @Test
    void onPostgresqlItRefusesAndPointsAtPgDump() throws Exception {
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                (p, m, a) -> "getDatabaseProductName".equals(m.getName()) ? "PostgreSQL" : null);
        Connection pg = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
            if ("getMetaData".equals(m.getName())) {
                return meta;
            }
            throw new AssertionError("nothing but the product name is asked: " + m.getName());
        });
        Path target = tmp.resolve("never");
        ConflictException e = assertThrows(ConflictException.class, () -> DatabaseBackup.backUp(pg, target));
        assertEquals("backup_not_supported", e.code());
        assertEquals("backupNotDerby", e.messageKey());
        assertTrue(e.getMessage().contains("pg_dump"), e.getMessage());
        assertFalse(Files.exists(target), "nothing is written");
        for (Locale l : new Locale[] {Locale.ROOT, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle texts = ResourceBundle.getBundle(new BackupRefusals().baseName(), l,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String said = new java.text.MessageFormat(texts.getString("error." + e.messageKey()), l).format(new Object[] {"", "PostgreSQL"});
            assertTrue(said.contains("PostgreSQL") && said.contains("pg_dump"), said);
        }
    }

    @Test
    void backupFoldersAreNamedByTheirUtcTimeAndNeverReused() throws Exception {
        Instant t = Instant.parse("2026-12-06T04:05:06.789Z");
        Path first = DatabaseBackup.newFolder(tmp, t);
        assertEquals(tmp.resolve("20261206T040506Z"), first);
        Files.createDirectories(first);
        assertEquals(tmp.resolve("20261206T040506Z-2"), DatabaseBackup.newFolder(tmp, t));
    }
}
