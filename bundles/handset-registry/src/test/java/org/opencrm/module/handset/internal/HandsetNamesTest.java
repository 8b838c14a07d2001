package org.opencrm.module.handset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.persistence.testing.PersistenceUnits;

/** HandsetNames is the one place of the module's names: what the files that cannot refer to it say agrees with it. */
class HandsetNamesTest {
    @Test
    void everyNameOfTheModuleIsTheOneInItsNamesClass() throws Exception {
        Map<String, String> tables = PersistenceUnits.tables(HandsetNames.PERSISTENCE_UNIT);
        assertFalse(tables.isEmpty(), "persistence unit " + HandsetNames.PERSISTENCE_UNIT);
        tables.values().forEach(t -> assertTrue(t.startsWith(HandsetNames.TABLE_PREFIX), t));
        assertEquals(HandsetNames.CONFIG_PID, HandsetConfig.PID);
        HandsetModule module = new HandsetModule();
        assertEquals(HandsetNames.ID, module.id());
        assertEquals(HandsetNames.ID, module.moduleId());
        assertTrue(module.permissions().stream().map(Permission::id).allMatch(p -> p.startsWith(HandsetNames.PERMISSION_PREFIX)));
        assertTrue(Files.readString(Path.of("bnd.bnd")).contains("Bundle-SymbolicName: " + HandsetNames.BUNDLE));
        assertTrue(Files.readString(Path.of("src/main/feature/feature.xml")).contains("<feature name=\"" + HandsetNames.FEATURE + "\""));
    }
}
