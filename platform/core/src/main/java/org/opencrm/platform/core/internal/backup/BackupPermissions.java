package org.opencrm.platform.core.internal.backup;

import java.util.List;

import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The platform's backup permission: no built-in role but admin ("*") has it; a backup copies every record. */
@Component(service = PermissionSet.class)
public class BackupPermissions implements PermissionSet {
    public static final String BACKUP = "platform.backup";

    @Override
    public String moduleId() {
        return "platform";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(BACKUP, "Back up the database online (copies every record to the server's disk)"));
    }
}
