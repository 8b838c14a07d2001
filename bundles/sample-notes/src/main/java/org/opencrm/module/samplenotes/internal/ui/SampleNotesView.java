package org.opencrm.module.samplenotes.internal.ui;

import org.opencrm.module.samplenotes.internal.SampleNotesService;
import org.opencrm.module.samplenotes.internal.SampleNotesService.SampleNotesData;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Pickers;
import org.opencrm.ui.RecordPicker;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The list of the records the user may see (paged by the service, within the user's data scope) and the form to
 * record one: the contact is chosen with the platform's record picker (by name or mobile, scope-aware), never typed
 * as an id.
 */
final class SampleNotesView extends VerticalLayout {
    SampleNotesView(SampleNotesService service, CustomerDirectory customers, UiContext context) {
        Messages msg = SampleNotesEntry.messages(context.locale());
        setMargin(false);
        setId("sample-notes-view");
        Label title = new Label(msg.get("menu"));
        title.addStyleName(ValoTheme.LABEL_H2);

        ConfigurableFilterDataProvider<SampleNotesData, Void, String> data = PagedData.of(p -> service.list(context.user(), null, p));
        RecordPicker<Long> contact = Pickers.contact(customers, context, msg.get("contact"), "sample-notes-contact");
        addComponents(title, new Label(msg.get("about")),
                new SampleNotesForm(service, context, msg, contact, contact::getValue, "sample-notes", data::refreshAll),
                ContactSampleNotesTab.grid(data, msg, "sample-notes-grid"));
    }
}
