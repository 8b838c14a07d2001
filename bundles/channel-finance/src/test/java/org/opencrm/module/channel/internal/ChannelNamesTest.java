package org.opencrm.module.channel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.persistence.testing.ModuleNamesCheck;

/** ChannelNames is the one place of the module's names: the files that cannot refer to it agree with it. */
class ChannelNamesTest {
    @Test
    void everyNameOfTheModuleIsTheOneInItsNamesClass() throws Exception {
        assertEquals(List.of(), ModuleNamesCheck.disagreements(ChannelNames.class, new ChannelModule(), ChannelConfig.PID), "places that disagree with ChannelNames");
    }
}
