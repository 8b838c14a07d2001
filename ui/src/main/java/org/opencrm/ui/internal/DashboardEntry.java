package org.opencrm.ui.internal;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = NavigationEntry.class)
public class DashboardEntry extends ShellEntry {
    private final Contributions contributions;

    @Activate
    public DashboardEntry(@Reference Contributions contributions) {
        this.contributions = contributions;
    }

    @Override
    public String id() {
        return MainScreen.HOME;
    }

    @Override
    public String group() {
        return "home";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Object createView(UiContext context) {
        return new DashboardView(contributions, context);
    }
}
