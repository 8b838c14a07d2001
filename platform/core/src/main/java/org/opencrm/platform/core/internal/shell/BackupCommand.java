package org.opencrm.platform.core.internal.shell;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.core.internal.backup.DatabaseBackup;

/**
 * {@code crm:backup [DIR]}: an online backup of the embedded Derby database while the node serves and writes
 * ({@link DatabaseBackup}). The copy is {@code DIR/crmdb} (default: a new folder named by the UTC time under
 * {@code directory} of etc/org.opencrm.backup.cfg, else data/backup); docs/operations.md says how a node starts from
 * it. On PostgreSQL it refuses and points at pg_dump.
 */
@Command(scope = "crm", name = "backup", description = "Online backup of the embedded Derby database (PostgreSQL: use pg_dump, see docs/operations.md)")
@Service
public class BackupCommand implements Action {
    @Reference
    DatabaseBackup backup;

    @Argument(index = 0, name = "dir", description = "the folder to write the backup into (default: a new folder named by the UTC time"
            + " under etc/org.opencrm.backup.cfg's directory, else data/backup)", required = false)
    String dir;

    @Override
    public Object execute() throws Exception {
        try {
            DatabaseBackup.Backup b = backup.backUp(dir == null ? null : Path.of(dir));
            System.out.printf("Backed up to %s (%d ms)%n", b.database(), b.millis());
        } catch (ConflictException refused) {
            System.out.println("Not backed up: " + refused.getMessage());
        }
        return null;
    }
}
