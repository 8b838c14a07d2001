package org.opencrm.module.samplenotes.internal.ui;

import java.util.Map;

import org.opencrm.module.samplenotes.internal.SampleNoteService;
import org.opencrm.module.samplenotes.internal.SampleNoteService.NoteData;
import org.opencrm.module.samplenotes.internal.SampleNotesModule;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;

/** A "Notes" tab on the contact page: the module's records for that contact, and a field to add one. */
@Component(service = RecordTab.class)
public class ContactNotesTab extends BaseRecordTab {
    @Activate
    public ContactNotesTab(@Reference SampleNoteService notes) {
        super("sample-notes.contact", Record.CONTACT, 90, SampleNotesModule.READ, NotesEntry::messages, "tab", (c, id) -> content(notes, c, id));
    }

    private static Object content(SampleNoteService notes, UiContext context, long contactId) {
        Messages msg = NotesEntry.messages(context.locale());
        ConfigurableFilterDataProvider<NoteData, Void, String> data = PagedData.of(p -> notes.list(context.user(), contactId, p));
        Grid<NoteData> grid = new Grid<>(data);
        grid.setId("sample-notes-grid");
        grid.setWidth("100%");
        grid.setHeight("240px");
        grid.addColumn(n -> Times.dateTime(n.createdAt())).setCaption(msg.get("when")).setWidth(160);
        grid.addColumn(NoteData::text).setCaption(msg.get("text"));
        grid.addColumn(NoteData::createdBy).setCaption(msg.get("by")).setWidth(120);
        TextField text = new TextField();
        text.setId("sample-notes-text");
        text.setPlaceholder(msg.get("placeholder"));
        text.setWidth("420px");
        Button add = new Button(msg.get("add"), e -> {
            try {
                notes.create(context.user(), new NoteData(null, contactId, text.getValue(), null, null));
                text.clear();
                Feedback.done(msg.get("added"));
                data.refreshAll();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, Map.of("text", text), msg);
            }
        });
        add.setId("sample-notes-add");
        add.setVisible(context.user().hasPermission(SampleNotesModule.WRITE));
        VerticalLayout v = new VerticalLayout(new HorizontalLayout(text, add), grid);
        v.setMargin(false);
        return v;
    }
}
