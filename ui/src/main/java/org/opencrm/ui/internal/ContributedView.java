package org.opencrm.ui.internal;

import org.opencrm.platform.api.ui.NavigationEntry;

import com.vaadin.navigator.View;
import com.vaadin.navigator.ViewChangeListener.ViewChangeEvent;
import com.vaadin.ui.Component;

/** A module's view in the shell, remembered with its entry so that it closes when the module goes. */
record ContributedView(NavigationEntry entry, Component component) implements View {
    @Override
    public Component getViewComponent() {
        return component;
    }

    @Override
    public void enter(ViewChangeEvent event) {
        entry.enter(component, event.getParameters() == null ? "" : event.getParameters());
    }
}
