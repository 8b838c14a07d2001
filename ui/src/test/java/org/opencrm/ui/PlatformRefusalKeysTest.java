package org.opencrm.ui;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.testkit.RefusalKeys;

/**
 * The refusals of the core, the security bundle, the REST API and the shell are said by the platform's texts
 * (platform-rest's {@code refusals}, which the REST API and the shell's Feedback use): each carries a message key with
 * English and Chinese text. (The modules check their own in their RefusalKeysTest.)
 */
class PlatformRefusalKeysTest {
    @Test
    void coreRefusalsAreSaidInEnglishAndChinese() {
        // The backup's refusal is said by its own bundle over REST (BackupRefusals); the shell has no backup screen.
        RefusalKeys.assertComplete(Path.of("../platform/core/src/main/java"), RefusalKeys.PLATFORM_MESSAGES,
                "org/opencrm/platform/core/internal/backup/messages");
    }

    @Test
    void securityRefusalsAreSaidInEnglishAndChinese() {
        RefusalKeys.assertComplete(Path.of("../platform/security/src/main/java"), RefusalKeys.PLATFORM_MESSAGES);
    }

    @Test
    void restRefusalsAreSaidInEnglishAndChinese() {
        RefusalKeys.assertComplete(Path.of("../platform/rest/src/main/java"), RefusalKeys.PLATFORM_MESSAGES);
    }

    @Test
    void shellRefusalsAreSaidInEnglishAndChinese() {
        RefusalKeys.assertComplete(Path.of("src/main/java"), RefusalKeys.PLATFORM_MESSAGES);
    }
}
