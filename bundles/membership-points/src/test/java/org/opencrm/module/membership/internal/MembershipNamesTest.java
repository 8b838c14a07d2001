package org.opencrm.module.membership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.persistence.testing.PersistenceUnits;

/** MembershipNames is the one place of the module's names: what the files that cannot refer to it say agrees with it. */
class MembershipNamesTest {
    @Test
    void everyNameOfTheModuleIsTheOneInItsNamesClass() throws Exception {
        Map<String, String> tables = PersistenceUnits.tables(MembershipNames.PERSISTENCE_UNIT);
        assertFalse(tables.isEmpty(), "persistence unit " + MembershipNames.PERSISTENCE_UNIT);
        tables.values().forEach(t -> assertTrue(t.startsWith(MembershipNames.TABLE_PREFIX), t));
        assertEquals(MembershipNames.CONFIG_PID, MembershipConfig.PID);
        MembershipModule module = new MembershipModule();
        assertEquals(MembershipNames.ID, module.id());
        assertEquals(MembershipNames.ID, module.moduleId());
        assertTrue(module.permissions().stream().map(Permission::id).allMatch(p -> p.startsWith(MembershipNames.PERMISSION_PREFIX)));
        assertTrue(Files.readString(Path.of("bnd.bnd")).contains("Bundle-SymbolicName: " + MembershipNames.BUNDLE));
        assertTrue(Files.readString(Path.of("src/main/feature/feature.xml")).contains("<feature name=\"" + MembershipNames.FEATURE + "\""));
    }
}
