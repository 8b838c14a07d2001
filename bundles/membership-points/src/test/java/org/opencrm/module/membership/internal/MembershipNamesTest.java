package org.opencrm.module.membership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.persistence.testing.ModuleNamesCheck;

/** MembershipNames is the one place of the module's names: the files that cannot refer to it agree with it. */
class MembershipNamesTest {
    @Test
    void everyNameOfTheModuleIsTheOneInItsNamesClass() throws Exception {
        assertEquals(List.of(), ModuleNamesCheck.disagreements(MembershipNames.class, new MembershipModule(), MembershipConfig.PID), "places that disagree with MembershipNames");
    }
}
