package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Parts orders from service centres; {@code #!parts-orders/<id>} opens one. */
@Component(service = NavigationEntry.class)
public class PartsOrdersEntry extends BaseMenuEntry {
    @Activate
    public PartsOrdersEntry(@Reference RepairScreens screens) {
        super(RepairUi.PARTS_ORDERS, "service", 24, RepairModule.READ, RepairUi::messages, "menu." + RepairUi.PARTS_ORDERS, c -> new PartsOrdersView(screens, c));
    }
}
