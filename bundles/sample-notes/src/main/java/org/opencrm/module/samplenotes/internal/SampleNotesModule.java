package org.opencrm.module.samplenotes.internal;

import java.util.List;

import org.opencrm.platform.api.activity.ActivityTypeSet;
import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The module's descriptor, permissions and activity types: what the platform lists and checks. */
@Component(service = { CrmModule.class, PermissionSet.class, ActivityTypeSet.class })
public class SampleNotesModule implements CrmModule, PermissionSet, ActivityTypeSet {
    public static final String ID = "sample-notes";
    public static final String READ = "sample-notes.read";
    public static final String WRITE = "sample-notes.write";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Sample notes (ISV template)";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(READ, "See sample notes"), new Permission(WRITE, "Write sample notes"));
    }

    @Override
    public List<String> activityTypes() {
        return List.of("SAMPLE_FOLLOW_UP");
    }
}
