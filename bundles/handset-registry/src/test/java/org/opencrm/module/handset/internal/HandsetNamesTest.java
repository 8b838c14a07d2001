package org.opencrm.module.handset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.persistence.testing.ModuleNamesCheck;

/** HandsetNames is the one place of the module's names: the files that cannot refer to it agree with it. */
class HandsetNamesTest {
    @Test
    void everyNameOfTheModuleIsTheOneInItsNamesClass() throws Exception {
        assertEquals(List.of(), ModuleNamesCheck.disagreements(HandsetNames.class, new HandsetModule(), HandsetConfig.PID), "places that disagree with HandsetNames");
    }
}
