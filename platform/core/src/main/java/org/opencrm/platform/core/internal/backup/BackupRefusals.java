package org.opencrm.platform.core.internal.backup;

import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;

/** The backup's refusals in the caller's language over REST (error.backupNotDerby in en and zh_CN). */
@Component(service = RefusalTexts.class)
public class BackupRefusals implements RefusalTexts {
    @Override
    public String baseName() {
        return "org.opencrm.platform.core.internal.backup.messages";
    }
}
