package org.opencrm.module.samplenotes.internal;

import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.activity.ActivityTypeSet;
import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The module's descriptor, permissions and activity types: what the platform lists and checks. */
@Component(service = { CrmModule.class, PermissionSet.class, ActivityTypeSet.class })
public class SampleNotesModule implements CrmModule, PermissionSet, ActivityTypeSet {
    public static final String ID = SampleNotesNames.ID;
    public static final String READ = SampleNotesNames.PERMISSION_PREFIX + "read";
    public static final String WRITE = SampleNotesNames.PERMISSION_PREFIX + "write";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Sample notes (ISV template)";
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(READ, "See sample notes"), new Permission(WRITE, "Write sample notes"));
    }

    /** The template grants nothing beyond the built-in roles (admin has every permission, viewer reads everything). */
    @Override
    public Map<String, List<String>> defaultGrants() {
        return Map.of();
    }

    @Override
    public List<String> activityTypes() {
        return List.of("SAMPLE_FOLLOW_UP");
    }
}
