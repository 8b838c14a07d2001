package org.opencrm.module.repair.internal.ui;

import java.util.Map;
import java.util.function.Consumer;

import org.opencrm.ui.Feedback;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;

import com.vaadin.ui.Button;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.UI;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** A small window asking for one note (a resolution, a reason) before an action; the service's error shows at the note. */
final class NoteWindow {
    private NoteWindow() {
    }

    /** {@code field} is the name the service gives the note in its errors ("note", "reason"). */
    static void open(Messages msg, String title, String field, Consumer<String> apply) {
        Window w = new Window(title);
        w.setModal(true);
        w.setWidth("460px");
        FormLayout form = new FormLayout();
        form.setMargin(true);
        TextArea note = new TextArea(msg.get("action.note"));
        note.setId("note-text");
        note.setWidth("100%");
        note.setRows(3);
        Map<String, TextArea> fields = Map.of(field, note);
        Button ok = new Button(msg.get("action.confirm"), e -> {
            try {
                Feedback.clearFieldErrors(fields);
                apply.accept(Fields.typed(note.getValue()));
                w.close();
            } catch (RuntimeException ex) {
                Feedback.failed(ex, fields, msg);
            }
        });
        ok.setId("note-confirm");
        ok.addStyleName(ValoTheme.BUTTON_PRIMARY);
        form.addComponents(note, ok);
        w.setContent(form);
        UI.getCurrent().addWindow(w);
        note.focus();
    }
}
