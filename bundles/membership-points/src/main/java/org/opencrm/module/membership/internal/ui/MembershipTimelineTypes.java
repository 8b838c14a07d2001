package org.opencrm.module.membership.internal.ui;

import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.ui.BundleTimelineTypes;
import org.osgi.service.component.annotations.Component;

/** The names of this module's timeline entry types, from its UI messages ({@code timeline.type.*}). */
@Component(service = TimelineTypes.class)
public class MembershipTimelineTypes extends BundleTimelineTypes {
    public MembershipTimelineTypes() {
        super(org.opencrm.module.membership.internal.MembershipModule.ID, MembershipUi.class, MembershipUi.MESSAGES);
    }
}
