package org.opencrm.module.handset.internal.ui;

import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.ui.BundleTimelineTypes;
import org.osgi.service.component.annotations.Component;

/** The names of this module's timeline entry types, from its UI messages ({@code timeline.type.*}). */
@Component(service = TimelineTypes.class)
public class HandsetTimelineTypes extends BundleTimelineTypes {
    public HandsetTimelineTypes() {
        super(org.opencrm.module.handset.internal.HandsetModule.ID, HandsetUi.class, HandsetUi.MESSAGES);
    }
}
