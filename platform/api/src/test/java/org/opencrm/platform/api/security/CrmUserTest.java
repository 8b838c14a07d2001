package org.opencrm.platform.api.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.AccessDeniedException;

class CrmUserTest {
    @Test
    void suffixPatternGrantsEveryModulesReadPermission() {
        CrmUser viewer = new CrmUser("zhao", Set.of("viewer"), Set.of("*.read"), DataScope.HQ);
        assertTrue(viewer.hasPermission("core.contact.read"));
        assertTrue(viewer.hasPermission("handset.read"));
        assertFalse(viewer.hasPermission("core.contact.write"));
        assertFalse(viewer.hasPermission("handset.readonly"));
    }

    @Test
    void patternsGrantByPrefix() {
        CrmUser u = new CrmUser("li", Set.of("staff"), Set.of("core.*", "sample.note.read"), DataScope.HQ);
        assertTrue(u.hasPermission("core.contact.write"));
        assertTrue(u.hasPermission("sample.note.read"));
        assertFalse(u.hasPermission("sample.note.write"));
        assertFalse(u.hasPermission("platform.modules.manage"));
        assertThrows(AccessDeniedException.class, () -> u.require("platform.modules.manage"));
    }
}
