package org.opencrm.ui.internal;

import org.opencrm.ui.Messages;

import com.vaadin.navigator.View;
import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** An address that no active module serves (e.g. its module was disabled) or the user may not open. */
final class NotFoundView extends VerticalLayout implements View {
    private static final long serialVersionUID = 1L;

    NotFoundView(Messages msg) {
        Label text = new Label(msg.get("view.notFound"));
        text.setId("view-not-found");
        text.addStyleName(ValoTheme.LABEL_H3);
        addComponents(text, new Button(msg.get("view.home"), e -> UI.getCurrent().getNavigator().navigateTo(MainScreen.HOME)));
    }
}
