package org.opencrm.module.samplenotes.internal.ui;

import org.opencrm.module.samplenotes.internal.SampleNotesNames;
import org.opencrm.module.samplenotes.internal.SampleNotesService;
import org.opencrm.module.samplenotes.internal.SampleNotesService.SampleNotesData;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.Grid;

/** A tab on the contact page: the contact's records of this module, and the form to record one on that contact. */
@Component(service = RecordTab.class)
public class ContactSampleNotesTab extends BaseRecordTab {
    public static final String ID = SampleNotesNames.ID + ".contact";

    @Activate
    public ContactSampleNotesTab(@Reference SampleNotesService service) {
        super(ID, Record.CONTACT, 100, SampleNotesNames.READ, SampleNotesEntry::messages, "tab", (c, id) -> content(service, c, id));
    }

    private static Object content(SampleNotesService service, UiContext context, long contactId) {
        Messages msg = SampleNotesEntry.messages(context.locale());
        ConfigurableFilterDataProvider<SampleNotesData, Void, String> data = PagedData.of(p -> service.list(context.user(), contactId, p));
        Grid<SampleNotesData> grid = grid(data, msg, "sample-notes-contact-grid");
        grid.setHeight("240px");
        return column("sample-notes-contact", new SampleNotesForm(service, context, msg, null, () -> contactId, "sample-notes-tab", data::refreshAll), grid);
    }

    /** The records' grid (newest first), here and on the module's page. */
    static Grid<SampleNotesData> grid(ConfigurableFilterDataProvider<SampleNotesData, Void, String> data, Messages msg, String id) {
        Grid<SampleNotesData> grid = new Grid<>(data);
        grid.setId(id);
        grid.setWidth("100%");
        grid.addColumn(r -> Times.dateTime(r.createdAt())).setCaption(msg.get("when")).setWidth(160);
        grid.addColumn(SampleNotesData::title).setCaption(msg.get("title"));
        grid.addColumn(r -> r.amount().toPlainString()).setCaption(msg.get("amount")).setWidth(140);
        grid.addColumn(SampleNotesData::createdBy).setCaption(msg.get("by")).setWidth(120);
        return grid;
    }
}
