package org.opencrm.module.repair.internal.ui;

import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.ui.BundleTimelineTypes;
import org.osgi.service.component.annotations.Component;

/** The names of this module's timeline entry types, from its UI messages ({@code timeline.type.*}). */
@Component(service = TimelineTypes.class)
public class RepairTimelineTypes extends BundleTimelineTypes {
    public RepairTimelineTypes() {
        super(org.opencrm.module.repair.internal.RepairModule.ID, RepairUi.class, RepairUi.MESSAGES);
    }
}
