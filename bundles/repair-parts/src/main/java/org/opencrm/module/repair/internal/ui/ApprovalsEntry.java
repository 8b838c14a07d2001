package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Part approvals: HQ's inbox of in-warranty part replacements (approvers only). */
@Component(service = NavigationEntry.class)
public class ApprovalsEntry extends RepairEntry {
    @Activate
    public ApprovalsEntry(@Reference RepairScreens screens) {
        super(RepairUi.APPROVALS, "service", 23, RepairModule.APPROVE, screens, ApprovalsView::new);
    }
}
