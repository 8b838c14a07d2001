package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Repair orders; {@code #!repair-orders/<id>} opens one order and its steps. */
@Component(service = NavigationEntry.class)
public class RepairOrdersEntry extends BaseMenuEntry {
    @Activate
    public RepairOrdersEntry(@Reference RepairScreens screens) {
        super(RepairUi.ORDERS, "service", 21, RepairModule.READ, RepairUi::messages, "menu." + RepairUi.ORDERS, c -> new RepairOrdersView(screens, c));
    }
}
