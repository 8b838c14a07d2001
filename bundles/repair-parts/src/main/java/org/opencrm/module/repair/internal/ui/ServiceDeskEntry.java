package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Service desk: the queue of service requests, overdue first; {@code #!service-desk/<id>} opens one. */
@Component(service = NavigationEntry.class)
public class ServiceDeskEntry extends BaseMenuEntry {
    @Activate
    public ServiceDeskEntry(@Reference RepairScreens screens) {
        super(RepairUi.DESK, "service", 20, RepairModule.READ, RepairUi::messages, "menu." + RepairUi.DESK, c -> new ServiceDeskView(screens, c));
    }
}
