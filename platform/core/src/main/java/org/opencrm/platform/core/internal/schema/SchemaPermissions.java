package org.opencrm.platform.core.internal.schema;

import java.util.List;

import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** Reading the modules' schema versions: an operator's concern, so no built-in role but admin ("*") has it. */
@Component(service = PermissionSet.class)
public class SchemaPermissions implements PermissionSet {
    public static final String READ = "platform.schema.read";

    @Override
    public String moduleId() {
        return "platform";
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(READ, "See each module's database schema version"));
    }
}
