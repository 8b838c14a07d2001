package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports → Fault analytics: failing parts, faults by model, repair rate per model, CSV. */
@Component(service = NavigationEntry.class)
public class AnalyticsEntry extends BaseMenuEntry {
    @Activate
    public AnalyticsEntry(@Reference RepairScreens screens) {
        super(RepairUi.ANALYTICS, "reports", 30, RepairModule.READ, RepairUi::messages, "menu." + RepairUi.ANALYTICS, c -> new AnalyticsView(screens, c));
    }
}
