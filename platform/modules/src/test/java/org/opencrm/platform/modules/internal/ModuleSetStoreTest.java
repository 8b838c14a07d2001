package org.opencrm.platform.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/** The cluster's module set as two nodes see it on one (in-memory Derby) database. */
class ModuleSetStoreTest {
    @Test
    void whatOneNodeRecordsTheOtherReadsAndTheLastWordWins() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:moduleset");
        ds.setCreateDatabase("create");
        ModuleSetStore a = new ModuleSetStore(ds);
        ModuleSetStore b = new ModuleSetStore(ds);
        assertEquals(Map.of(), b.read());
        a.record("sample-notes", true, "alice");
        a.record("repair-parts", true, "alice");
        assertEquals(Map.of("sample-notes", true, "repair-parts", true), b.read());
        b.record("sample-notes", false, "bob");
        assertEquals(Map.of("sample-notes", false, "repair-parts", true), a.read());
    }
}
