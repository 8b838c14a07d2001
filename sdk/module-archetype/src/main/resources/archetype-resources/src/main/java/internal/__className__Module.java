package ${package}.internal;

import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;

/**
 * The module's descriptor, permissions and refusal texts: what the platform lists, checks and grants, and where the REST
 * API finds the module's refusals in the caller's language. Its version is its bundle's.
 */
@Component(service = { CrmModule.class, PermissionSet.class, RefusalTexts.class })
public class ${className}Module implements CrmModule, PermissionSet, RefusalTexts {
    @Override
    public String id() {
        return ${className}Names.ID;
    }

    @Override
    public String name() {
        return ${className}Names.NAME;
    }

    @Override
    public String moduleId() {
        return ${className}Names.ID;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(${className}Names.READ, "See ${moduleName} records"),
                new Permission(${className}Names.WRITE, "Record ${moduleName} records"));
    }

    /**
     * What the platform's built-in roles get while the module is enabled (admin has every permission and viewer every
     * read permission anyway): change to what your users do.
     */
    @Override
    public Map<String, List<String>> defaultGrants() {
        return Map.of("manager", List.of(${className}Names.READ, ${className}Names.WRITE),
                "agent", List.of(${className}Names.READ, ${className}Names.WRITE),
                "partner", List.of(${className}Names.READ));
    }

    /** The error.* and record.* entries of the module's UI texts (the platform's rules come with the platform). */
    @Override
    public String baseName() {
        return "${package}.internal.ui.messages";
    }
}
