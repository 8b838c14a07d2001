package org.opencrm.platform.embeddeddb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template the build made (target/classes/crmdb-template), laid down and opened by a real Derby. */
class DatabaseSeedTest {
    private static final Path TEMPLATE = Path.of("target/classes", EmptyDatabaseSeed.TEMPLATE);

    @TempDir
    Path data;

    private static List<String> templateFiles() throws IOException {
        try (Stream<Path> all = Files.walk(TEMPLATE)) {
            return all.filter(Files::isRegularFile).map(p -> TEMPLATE.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    private static InputStream open(String file) throws IOException {
        return Files.newInputStream(TEMPLATE.resolve(file));
    }

    @Test
    void theLaidDownTemplateIsAnEmptyDerbyDatabaseThatOpensWithoutBeingCreated() throws Exception {
        Path db = data.resolve("crmdb");
        assertTrue(DatabaseSeed.layDown(db, templateFiles(), DatabaseSeedTest::open));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of(db), left.toList(), "no staging directory left beside it");
        }
        // no create=true: Derby must find a whole database there
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + db);
                ResultSet tables = c.createStatement().executeQuery("SELECT COUNT(*) FROM SYS.SYSTABLES WHERE TABLETYPE = 'T'")) {
            assertFalse(c.getMetaData().getDatabaseProductVersion().isEmpty());
            assertTrue(tables.next());
            assertEquals(0, tables.getInt(1), "no table of ours: the schema is the platform's to create");
            c.createStatement().execute("CREATE TABLE SEED_CHECK (ID INT)");
            c.createStatement().execute("INSERT INTO SEED_CHECK VALUES (1)");
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + db + ";shutdown=true");
            } catch (SQLException expected) {
                assertEquals("08006", expected.getSQLState(), expected.toString()); // Derby's "database shut down"
            }
        }
    }

    @Test
    void anExistingDatabaseIsNeverTouched() throws IOException {
        Path db = Files.createDirectories(data.resolve("crmdb"));
        Files.writeString(db.resolve("service.properties"), "ours");
        assertFalse(DatabaseSeed.layDown(db, templateFiles(), DatabaseSeedTest::open));
        assertEquals("ours", Files.readString(db.resolve("service.properties")));
        try (Stream<Path> all = Files.list(db)) {
            assertEquals(1, all.count());
        }
    }

    @Test
    void aDatabaseThatAppearsDuringTheCopyWinsAndTheCopyIsRemoved() throws IOException {
        Path db = data.resolve("crmdb");
        List<String> files = templateFiles();
        String last = files.get(files.size() - 1);
        boolean laid = DatabaseSeed.layDown(db, files, file -> {
            if (file.equals(last)) { // someone else creates it while the copy is being made
                Files.createDirectories(db.resolve("seg0"));
                Files.writeString(db.resolve("service.properties"), "theirs");
            }
            return open(file);
        });
        assertFalse(laid);
        assertEquals("theirs", Files.readString(db.resolve("service.properties")));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of(db), left.toList(), "the staging copy is removed");
        }
    }

    @Test
    void aCopyCutShortAtAnEarlierStartIsRemovedAndNeverUsed() throws IOException {
        Path stale = Files.createDirectories(data.resolve("crmdb" + DatabaseSeed.STAGING + "3f1c").resolve("seg0"));
        Files.writeString(stale.resolve("c10.dat"), "");
        Path db = data.resolve("crmdb");
        assertTrue(DatabaseSeed.layDown(db, templateFiles(), DatabaseSeedTest::open));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of(db), left.toList(), "the stale copy is gone");
        }
        assertTrue(Files.size(db.resolve("seg0/c10.dat")) > 0, "the template's own file");
    }

    @Test
    void aFailedCopyLeavesNothingBehind() throws IOException {
        Path db = data.resolve("crmdb");
        assertThrows(IOException.class, () -> DatabaseSeed.layDown(db, templateFiles(), file -> {
            throw new IOException("disk full");
        }));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(0, left.count());
        }
        assertThrows(IOException.class, () -> DatabaseSeed.layDown(db, List.of("../escape.dat"), DatabaseSeedTest::open));
        assertFalse(Files.exists(data.resolve("escape.dat")));
    }
}
