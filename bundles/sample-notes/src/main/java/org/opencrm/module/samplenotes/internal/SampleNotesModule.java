package org.opencrm.module.samplenotes.internal;

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
public class SampleNotesModule implements CrmModule, PermissionSet, RefusalTexts {
    @Override
    public String id() {
        return SampleNotesNames.ID;
    }

    @Override
    public String name() {
        return SampleNotesNames.NAME;
    }

    @Override
    public String moduleId() {
        return SampleNotesNames.ID;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(SampleNotesNames.READ, "See Sample notes records"),
                new Permission(SampleNotesNames.WRITE, "Record Sample notes records"));
    }

    /**
     * What the platform's built-in roles get while the module is enabled (admin has every permission and viewer every
     * read permission anyway): change to what your users do.
     */
    @Override
    public Map<String, List<String>> defaultGrants() {
        return Map.of("manager", List.of(SampleNotesNames.READ, SampleNotesNames.WRITE),
                "agent", List.of(SampleNotesNames.READ, SampleNotesNames.WRITE),
                "partner", List.of(SampleNotesNames.READ));
    }

    /** The error.* and record.* entries of the module's UI texts (the platform's rules come with the platform). */
    @Override
    public String baseName() {
        return "org.opencrm.module.samplenotes.internal.ui.messages";
    }
}
