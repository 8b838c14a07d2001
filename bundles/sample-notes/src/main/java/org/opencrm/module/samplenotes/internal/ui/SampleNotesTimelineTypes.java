package org.opencrm.module.samplenotes.internal.ui;

import org.opencrm.module.samplenotes.internal.SampleNotesNames;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.ui.BundleTimelineTypes;
import org.osgi.service.component.annotations.Component;

/** The names of the module's timeline entry types in the user's language (timeline.type.* in its messages). */
@Component(service = TimelineTypes.class)
public class SampleNotesTimelineTypes extends BundleTimelineTypes {
    public SampleNotesTimelineTypes() {
        super(SampleNotesNames.ID, SampleNotesTimelineTypes.class, SampleNotesNames.MESSAGES);
    }
}
