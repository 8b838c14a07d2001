package org.opencrm.ui.internal;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.osgi.service.component.annotations.Component;

import com.vaadin.ui.UI;

/**
 * The dashboard's menu entry. It takes the widget whiteboard from the session's UI rather than by a DS reference:
 * the whiteboard tracks navigation entries, so a reference back to it would be a cycle.
 */
@Component(service = NavigationEntry.class)
public class DashboardEntry extends ShellEntry {
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
        return new DashboardView(((CrmUI) UI.getCurrent()).services().contributions(), context);
    }
}
