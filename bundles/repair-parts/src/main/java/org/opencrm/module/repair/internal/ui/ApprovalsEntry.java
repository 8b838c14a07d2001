package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Part approvals: HQ's inbox of in-warranty part replacements (approvers only). */
@Component(service = NavigationEntry.class)
public class ApprovalsEntry extends BaseMenuEntry {
    @Activate
    public ApprovalsEntry(@Reference RepairScreens screens) {
        super(RepairUi.APPROVALS, "service", 23, RepairModule.APPROVE, RepairUi::messages, "menu." + RepairUi.APPROVALS, c -> new ApprovalsView(screens, c));
    }
}
