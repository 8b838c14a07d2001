package org.opencrm.platform.core.internal.service;

import java.util.List;

import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

@Component(service = PermissionSet.class)
public class CorePermissions implements PermissionSet {
    @Override
    public String moduleId() {
        return "core";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(ContactService.READ, "See contacts in one's data scope"),
                new Permission(ContactService.WRITE, "Create, edit, merge and delete contacts"),
                new Permission(ContactService.IMPORT_EXPORT, "Import and export contacts as CSV"),
                new Permission(AccountService.READ, "See accounts in one's data scope"),
                new Permission(AccountService.WRITE, "Create and edit accounts"),
                new Permission(ActivityService.READ, "See activities"),
                new Permission(ActivityService.WRITE, "Create and edit activities"),
                new Permission("core.activity.team", "See other users' activity lists"),
                new Permission("core.timeline.read", "See customer timelines"),
                new Permission("core.audit.read", "See the audit trail"),
                new Permission("core.demo.load", "Load the demo data set"));
    }
}
