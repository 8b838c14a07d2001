package org.opencrm.module.membership.internal;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.persistence.testing.ModuleNamesCheck;

/** MembershipNames is the one place of the module's names: the files that cannot refer to it agree with it. */
class MembershipNamesTest {
    @Test
    void everyNameOfTheModuleIsTheOneInItsNamesClass() throws Exception {
        ModuleNamesCheck.check(MembershipNames.class, new MembershipModule(), MembershipConfig.PID);
    }
}
