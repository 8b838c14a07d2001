package org.opencrm.module.repair.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.persistence.testing.ModuleNamesCheck;

/** RepairNames is the one place of the module's names: the files that cannot refer to it agree with it. */
class RepairNamesTest {
    @Test
    void everyNameOfTheModuleIsTheOneInItsNamesClass() throws Exception {
        assertEquals(List.of(), ModuleNamesCheck.disagreements(RepairNames.class, new RepairModule(), RepairConfig.PID), "places that disagree with RepairNames");
    }
}
