package org.opencrm.module.repair.internal.ui;

import java.util.Locale;

import org.opencrm.module.handset.api.HandsetTab;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.RepairOrderSearch;
import org.opencrm.module.repair.internal.service.DeviceRegistry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.PagedData;

import com.vaadin.ui.Grid;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Repairs" tab on the handset registry's unit page. The registry is optional: this component starts disabled and
 * {@code RegistryLink} enables it only while the registry is there (it needs the module's {@link DeviceRegistry} too),
 * so SCR never loads this class, and with it the registry's {@link HandsetTab} interface, without the registry.
 */
@Component(service = HandsetTab.class, enabled = false)
public class HandsetRepairsTab implements HandsetTab {
    private final RepairScreens screens;

    @Activate
    public HandsetRepairsTab(@Reference RepairScreens screens, @Reference DeviceRegistry registryPresent) {
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
