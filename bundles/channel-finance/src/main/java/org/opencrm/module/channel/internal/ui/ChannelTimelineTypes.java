package org.opencrm.module.channel.internal.ui;

import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.ui.BundleTimelineTypes;
import org.osgi.service.component.annotations.Component;

/** The names of this module's timeline entry types, from its UI messages ({@code timeline.type.*}). */
@Component(service = TimelineTypes.class)
public class ChannelTimelineTypes extends BundleTimelineTypes {
    public ChannelTimelineTypes() {
        super(ChannelModule.ID, ChannelUi.class, ChannelUi.MESSAGES);
    }
}
