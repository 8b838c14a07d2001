package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Defective-part returns to HQ. */
@Component(service = NavigationEntry.class)
public class ReturnsEntry extends BaseMenuEntry {
    @Activate
    public ReturnsEntry(@Reference RepairScreens screens) {
        super(RepairUi.RETURNS, "service", 25, RepairModule.READ, RepairUi::messages, "menu." + RepairUi.RETURNS, c -> new ReturnsView(screens, c));
    }
}
