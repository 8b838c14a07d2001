package org.opencrm.module.channel.handset;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.testkit.RefusalKeys;

/**
 * The bridge's refusals (an IMEI that cannot be shipped) are said in English and Chinese with the channel finance
 * module's messages, where the shell looks for them.
 */
class RefusalKeysTest {
    @Test
    void everyRefusalIsSaidInEnglishAndChinese() {
        RefusalKeys.assertComplete(Path.of("src/main/java"), "org/opencrm/module/channel/internal/ui/messages", RefusalKeys.PLATFORM_MESSAGES);
    }
}
