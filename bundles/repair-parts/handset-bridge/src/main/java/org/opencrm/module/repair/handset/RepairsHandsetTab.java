package org.opencrm.module.repair.handset;

import java.util.Locale;

import org.opencrm.module.handset.api.HandsetTab;
import org.opencrm.module.repair.spi.DeviceRepairsTab;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The repair module's "Repairs" tab on the handset registry's unit page. */
@Component(service = HandsetTab.class)
public class RepairsHandsetTab implements HandsetTab {
    private final DeviceRepairsTab repairs;

    @Activate
    public RepairsHandsetTab(@Reference DeviceRepairsTab repairs) {
        this.repairs = repairs;
    }

    @Override
    public String id() {
        return repairs.id();
    }

    @Override
    public String label(Locale locale) {
        return repairs.label(locale);
    }

    @Override
    public int order() {
        return repairs.order();
    }

    @Override
    public String permission() {
        return repairs.permission();
    }

    @Override
    public Object createTab(UiContext context, String imei) {
        return repairs.createTab(context, imei);
    }
}
