package org.opencrm.module.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.persistence.testing.ModuleNamesCheck;

class FranchiseAuditNamesTest {
    @Test
    void namesAgreeWithTheFilesThatRepeatThem() throws Exception {
        assertEquals(List.of(), ModuleNamesCheck.disagreements(FranchiseAuditNames.class, new FranchiseAuditModule(), FranchiseAuditNames.CONFIG_PID));
    }
}
