package org.opencrm.module.audit.internal.ui;

import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.ui.BundleTimelineTypes;
import org.osgi.service.component.annotations.Component;

/** The names of this module's timeline entries in the user's language ({@code timeline.type.*}). */
@Component(service = TimelineTypes.class)
public class AuditTimelineTypes extends BundleTimelineTypes {
    public AuditTimelineTypes() {
        super(FranchiseAuditNames.ID, AuditTimelineTypes.class, FranchiseAuditNames.MESSAGES);
    }
}
