package ${package}.internal.ui;

import ${package}.internal.${className}Names;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.ui.BundleTimelineTypes;
import org.osgi.service.component.annotations.Component;

/** The names of the module's timeline entry types in the user's language (timeline.type.* in its messages). */
@Component(service = TimelineTypes.class)
public class ${className}TimelineTypes extends BundleTimelineTypes {
    public ${className}TimelineTypes() {
        super(${className}Names.ID, ${className}TimelineTypes.class, ${className}Names.MESSAGES);
    }
}
