package org.opencrm.module.handset.internal.ui;

import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.service.HandsetService;
import org.opencrm.module.handset.internal.service.ModelService;
import org.opencrm.module.handset.internal.service.SaleService;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Service → Handsets: search by IMEI, serial or owner mobile; {@code #!handsets/<imei>} opens a unit's page. */
@Component(service = NavigationEntry.class)
public class HandsetsEntry extends BaseMenuEntry {
    private final HandsetScreens screens;

    @Activate
    public HandsetsEntry(@Reference HandsetService handsets, @Reference SaleService sales, @Reference ModelService models,
            @Reference CustomerDirectory customers, @Reference HandsetTabs tabs) {
        super(HandsetUi.VIEW, "service", 10, HandsetModule.READ, HandsetUi::messages, "menu.handsets");
        this.screens = new HandsetScreens(handsets, sales, models, customers, tabs);
    }

    @Override
    public Object createView(UiContext context) {
        return new HandsetsView(screens, context);
    }
}
