package org.opencrm.module.audit.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.testkit.RefusalKeys;

/**
 * Every refusal this module throws carries a message key with English and Chinese text (in the module's messages or the
 * platform's), so that staff read it in their language; a new refusal with only an English message fails here.
 */
class RefusalKeysTest {
    // the bundle checked here is the one the module registers for the REST API's refusals (its RefusalTexts)
    @Test
    void everyRefusalIsSaidInEnglishAndChinese() {
        RefusalKeys.assertComplete(Path.of("src/main/java"), new FranchiseAuditModule().baseName().replace('.', '/'), RefusalKeys.PLATFORM_MESSAGES);
    }
}
