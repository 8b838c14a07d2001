package org.opencrm.ui.internal;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Component;

import com.vaadin.ui.UI;

/**
 * The dashboard's menu entry. It takes the widget whiteboard from the session's UI rather than by a DS reference:
 * the whiteboard tracks navigation entries, so a reference back to it would be a cycle.
 */
@Component(service = NavigationEntry.class)
public class DashboardEntry extends BaseMenuEntry {
    public DashboardEntry() {
        super(MainScreen.HOME, "home", 0, null, CrmUI::shellMessages, "menu." + MainScreen.HOME,
                c -> new DashboardView(((CrmUI) UI.getCurrent()).services().contributions(), c));
    }
}
