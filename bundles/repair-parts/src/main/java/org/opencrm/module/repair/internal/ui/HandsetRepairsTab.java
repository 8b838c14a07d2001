package org.opencrm.module.repair.internal.ui;

import java.util.Locale;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.RepairOrderSearch;
import org.opencrm.module.repair.spi.DeviceRepairsTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.PagedData;

import com.vaadin.ui.Grid;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Repairs" tab for a unit's page; the bridge to the handset registry (handset-bridge/) shows it on the registry's
 * unit page while both modules are enabled.
 */
@Component(service = DeviceRepairsTab.class)
public class HandsetRepairsTab implements DeviceRepairsTab {
    private final RepairScreens screens;

    @Activate
    public HandsetRepairsTab(@Reference RepairScreens screens) {
        this.screens = screens;
    }

    @Override
    public String id() {
        return "handset.repairs";
    }

    @Override
    public String label(Locale locale) {
        return RepairUi.messages(locale).get("tab.repairs");
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String permission() {
        return RepairModule.READ;
    }

    @Override
    public Object createTab(UiContext context, String imei) {
        Grid<?> grid = RepairOrdersView.ordersGrid(screens, context, RepairUi.messages(context.locale()),
                PagedData.of(page -> screens.orders.search(context.user(), new RepairOrderSearch(null, null, null, null, imei, null), page)));
        grid.setId("handset-repairs-grid");
        grid.setHeight("240px");
        return grid;
    }
}
