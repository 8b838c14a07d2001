package org.opencrm.platform.core.internal.backup;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.backup.cfg: where online backups of the embedded Derby database go by default. */
@ObjectClassDefinition(id = BackupConfig.PID, name = "OpenCRM database backup",
        description = "Online backups of the embedded Derby database (crm:backup, POST /api/v1/admin/backup)")
public @interface BackupConfig {
    String PID = "org.opencrm.backup";

    @AttributeDefinition(description = "Folder that receives one sub-folder per backup (named by its UTC time); "
            + "empty: ${karaf.data}/backup. Put it on another disk than data/.")
    String directory() default "";
}
