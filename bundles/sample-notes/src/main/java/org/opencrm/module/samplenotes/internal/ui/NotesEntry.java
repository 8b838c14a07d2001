package org.opencrm.module.samplenotes.internal.ui;

import java.util.Locale;

import org.opencrm.module.samplenotes.internal.SampleNotesModule;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Component;

import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** The module's menu entry: a page of its own (an ISV's module would list its records here). */
@Component(service = NavigationEntry.class)
public class NotesEntry extends BaseMenuEntry {
    public NotesEntry() {
        super("sample-notes", "customers", 90, SampleNotesModule.READ, NotesEntry::messages, "menu");
    }

    static Messages messages(Locale locale) {
        return Messages.of(NotesEntry.class, "org.opencrm.module.samplenotes.internal.ui.messages", locale);
    }

    @Override
    public Object createView(UiContext context) {
        Messages msg = messages(context.locale());
        Label title = new Label(msg.get("menu"));
        title.addStyleName(ValoTheme.LABEL_H2);
        VerticalLayout v = new VerticalLayout(title, new Label(msg.get("about")));
        v.setMargin(false);
        v.setId("sample-notes-view");
        return v;
    }
}
