package org.opencrm.platform.modules.internal;

import java.util.List;

import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

@Component(service = PermissionSet.class)
public class ModulePermissions implements PermissionSet {
    @Override
    public String moduleId() {
        return "platform";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(ModuleResource.PERMISSION_READ, "See which modules are installed, available or failed"),
                new Permission(ModuleManager.PERMISSION_MANAGE, "Enable and disable modules"));
    }
}
