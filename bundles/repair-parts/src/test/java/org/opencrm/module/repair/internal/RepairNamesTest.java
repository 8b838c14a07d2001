package org.opencrm.module.repair.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.persistence.testing.PersistenceUnits;

/** RepairNames is the one place of the module's names: what the files that cannot refer to it say agrees with it. */
class RepairNamesTest {
    @Test
    void everyNameOfTheModuleIsTheOneInItsNamesClass() throws Exception {
        Map<String, String> tables = PersistenceUnits.tables(RepairNames.PERSISTENCE_UNIT);
        assertFalse(tables.isEmpty(), "persistence unit " + RepairNames.PERSISTENCE_UNIT);
        tables.values().forEach(t -> assertTrue(t.startsWith(RepairNames.TABLE_PREFIX), t));
        assertEquals(RepairNames.CONFIG_PID, RepairConfig.PID);
        RepairModule module = new RepairModule();
        assertEquals(RepairNames.ID, module.id());
        assertEquals(RepairNames.ID, module.moduleId());
        assertTrue(module.permissions().stream().map(Permission::id).allMatch(p -> p.startsWith(RepairNames.PERMISSION_PREFIX)));
        assertTrue(Files.readString(Path.of("bnd.bnd")).contains("Bundle-SymbolicName: " + RepairNames.BUNDLE));
        assertTrue(Files.readString(Path.of("src/main/feature/feature.xml")).contains("<feature name=\"" + RepairNames.FEATURE + "\""));
    }
}
