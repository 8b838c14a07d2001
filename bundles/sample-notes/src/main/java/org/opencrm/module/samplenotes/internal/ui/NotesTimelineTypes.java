package org.opencrm.module.samplenotes.internal.ui;

import org.opencrm.module.samplenotes.internal.SampleNotesModule;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.ui.BundleTimelineTypes;
import org.osgi.service.component.annotations.Component;

/** The name of this module's timeline entry type in the user's language ({@code timeline.type.*} in its messages). */
@Component(service = TimelineTypes.class)
public class NotesTimelineTypes extends BundleTimelineTypes {
    public NotesTimelineTypes() {
        super(SampleNotesModule.ID, NotesTimelineTypes.class, "org.opencrm.module.samplenotes.internal.ui.messages");
    }
}
