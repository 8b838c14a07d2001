package org.opencrm.platform.security.internal;

import java.util.List;

import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

@Component(service = PermissionSet.class)
public class SecurityPermissions implements PermissionSet {
    @Override
    public String moduleId() {
        return "platform";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission("platform.users.read", "List users and roles"),
                new Permission(UserServiceImpl.PERMISSION_MANAGE, "Create users, reset passwords, enable and disable users"));
    }
}
