package org.opencrm.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ModuleSchema on a real (in-memory) Derby: order, once only, baseline, failure and retry, two nodes racing. */
class ModuleSchemaTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private EmbeddedDataSource db;

    @BeforeEach
    void database() throws SQLException {
        db = new EmbeddedDataSource();
        db.setDatabaseName("memory:moduleschema" + DATABASES.incrementAndGet());
        db.setCreateDatabase("create");
        // what EclipseLink's create-or-extend-tables made before any step runs
        sql("CREATE TABLE HS_UNIT (ID BIGINT NOT NULL PRIMARY KEY, IMEI VARCHAR(15), SOLDAT DATE)");
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private boolean hasIndex(String index) throws SQLException {
        try (Connection c = db.getConnection(); ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), "HS_UNIT", false, true)) {
            while (rs.next()) {
                if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static ModuleSchema handsetSchema(AtomicInteger runs) {
        return ModuleSchema.of("handset-registry")
                .step(1, "index of IMEIs", c -> {
                    runs.incrementAndGet();
                    Schema.ensureIndex(c, "HS_UNIT", "HS_UNIT_IMEI", "IMEI");
                })
                .step(2, "index of sale dates", c -> Schema.ensureIndex(c, "HS_UNIT", "HS_UNIT_SOLD", "SOLDAT"));
    }

    @Test
    void appliesEveryStepInOrderOnceAndSaysWhichVersionTheDatabaseHolds() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        ModuleSchema.Migrated first = handsetSchema(runs).migrate(db);
        assertEquals(0, first.from());
        assertEquals(2, first.to());
        assertEquals(List.of("1 index of IMEIs", "2 index of sale dates"), first.applied());
        assertTrue(hasIndex("HS_UNIT_IMEI"));
        assertTrue(hasIndex("HS_UNIT_SOLD"));

        ModuleSchema.Migrated again = handsetSchema(runs).migrate(db);
        assertEquals(List.of(), again.applied(), "a second start applies nothing");
        assertEquals(2, again.from());
        assertEquals(1, runs.get());

        List<ModuleSchema.Version> installed = ModuleSchema.installed(db);
        assertEquals(1, installed.size());
        assertEquals("handset-registry", installed.get(0).module());
        assertEquals(2, installed.get(0).version());
        assertEquals("index of sale dates", installed.get(0).description());
        assertTrue(installed.get(0).appliedAt() != null);
    }

    @Test
    void aDatabaseThatAlreadyHasTheChangeFromBeforeVersionedMigrationsIsBroughtToTheLatestVersion() throws SQLException {
        sql("CREATE INDEX HS_UNIT_IMEI ON HS_UNIT (IMEI)"); // made by the unversioned code of an older release
        ModuleSchema.Migrated m = handsetSchema(new AtomicInteger()).migrate(db);
        assertEquals(2, m.to());
        assertTrue(hasIndex("HS_UNIT_SOLD"));
    }

    @Test
    void aFailedStepIsRolledBackNamedAndRetriedAtTheNextStartTheStepsBeforeItStay() throws SQLException {
        ModuleSchema broken = ModuleSchema.of("repair-parts")
                .step(1, "index of IMEIs", c -> Schema.ensureIndex(c, "HS_UNIT", "HS_UNIT_IMEI", "IMEI"))
                .step(2, "sale dates and a column that is not there", c -> {
                    Schema.ensureIndex(c, "HS_UNIT", "HS_UNIT_SOLD", "SOLDAT");
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE INDEX HS_UNIT_NOPE ON HS_UNIT (NO_SUCH_COLUMN)");
                    }
                });
        ModuleSchema.MigrationFailed failed = assertThrows(ModuleSchema.MigrationFailed.class, () -> broken.migrate(db));
        assertEquals("repair-parts", failed.module());
        assertEquals(2, failed.version());
        assertTrue(failed.getMessage().contains("version 2 (sale dates and a column that is not there)"), failed.getMessage());
        assertTrue(failed.getMessage().contains("NO_SUCH_COLUMN"), failed.getMessage());
        assertTrue(hasIndex("HS_UNIT_IMEI"), "step 1 stays applied");
        assertFalse(hasIndex("HS_UNIT_SOLD"), "step 2's first statement is rolled back with it");
        assertEquals(1, ModuleSchema.installed(db).get(0).version());

        // the fixed build starts: step 2 is retried, step 1 not run again
        AtomicInteger stepOneRuns = new AtomicInteger();
        ModuleSchema fixed = ModuleSchema.of("repair-parts")
                .step(1, "index of IMEIs", c -> stepOneRuns.incrementAndGet())
                .step(2, "sale dates", c -> Schema.ensureIndex(c, "HS_UNIT", "HS_UNIT_SOLD", "SOLDAT"));
        ModuleSchema.Migrated m = fixed.migrate(db);
        assertEquals(1, m.from());
        assertEquals(2, m.to());
        assertEquals(0, stepOneRuns.get());
        assertTrue(hasIndex("HS_UNIT_SOLD"));
    }

    @Test
    void twoNodesStartingTogetherRunEachStepOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        int nodes = 4;
        CyclicBarrier start = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<ModuleSchema.Migrated>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return handsetSchema(runs).migrate(db);
                }));
            }
            int applied = 0;
            for (Future<ModuleSchema.Migrated> f : results) {
                ModuleSchema.Migrated m = f.get(60, TimeUnit.SECONDS);
                assertEquals(2, m.to());
                applied += m.applied().size();
            }
            assertEquals(2, applied, "both steps applied once across the nodes");
            assertEquals(1, runs.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOlderBuildStartsOnASchemaANewerOneUpgraded() {
        ModuleSchema newer = handsetSchema(new AtomicInteger()).step(3, "index of ids", c -> Schema.ensureIndex(c, "HS_UNIT", "HS_UNIT_ID", "ID DESC"));
        assertEquals(3, newer.migrate(db).to());
        ModuleSchema.Migrated older = handsetSchema(new AtomicInteger()).migrate(db);
        assertEquals(List.of(), older.applied());
        assertEquals(3, ModuleSchema.installed(db).get(0).version());
    }

    @Test
    void stepsAreNumberedFromOneWithoutGapsAndDescribed() {
        assertThrows(IllegalArgumentException.class, () -> ModuleSchema.of("x").step(2, "skips one", c -> { }));
        assertThrows(IllegalArgumentException.class, () -> ModuleSchema.of("x").step(1, " ", c -> { }));
        assertThrows(IllegalArgumentException.class, () -> ModuleSchema.of("Handset_Registry"));
        assertEquals("CRM_SCHEMA_HANDSET_REGISTRY", ModuleSchema.table("handset-registry"));
    }
}
