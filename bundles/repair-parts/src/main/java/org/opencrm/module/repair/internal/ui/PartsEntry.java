package org.opencrm.module.repair.internal.ui;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Parts and stock: the catalogue and the stock of each warehouse with its ledger. */
@Component(service = NavigationEntry.class)
public class PartsEntry extends BaseMenuEntry {
    @Activate
    public PartsEntry(@Reference RepairScreens screens) {
        super(RepairUi.PARTS, "service", 22, RepairModule.READ, RepairUi::messages, "menu." + RepairUi.PARTS, c -> new PartsView(screens, c));
    }
}
