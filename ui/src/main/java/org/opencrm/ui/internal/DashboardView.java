package org.opencrm.ui.internal;

import org.opencrm.platform.api.ui.DashboardWidget;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Messages;

import com.vaadin.ui.Component;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** Tiles from every active module's dashboard widgets, in a wrapping 12-column grid. */
final class DashboardView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient Contributions contributions;
    private final UiContext context;
    private final CssLayout grid = new CssLayout();

    DashboardView(Contributions contributions, UiContext context) {
        this.contributions = contributions;
        this.context = context;
        setMargin(false);
        setId("dashboard");
        Label title = new Label(Messages.of(DashboardView.class, CrmUI.MESSAGES, context.locale()).get("menu.dashboard"));
        title.addStyleName(ValoTheme.LABEL_H2);
        grid.setWidth("100%");
        addComponents(title, grid);
        refresh();
    }

    void refresh() {
        grid.removeAllComponents();
        for (DashboardWidget w : contributions.widgets(context.user())) {
            VerticalLayout tile = new VerticalLayout();
            tile.addStyleName("crm-widget");
            tile.setId("widget-" + w.id());
            tile.setWidth((100.0 * Math.max(1, Math.min(12, w.columns())) / 12.0 - 1) + "%");
            tile.setSpacing(false);
            Label caption = new Label(w.label(context.locale()));
            caption.addStyleName(ValoTheme.LABEL_BOLD);
            tile.addComponents(caption, (Component) w.createWidget(context));
            grid.addComponent(tile);
        }
    }
}
