package org.opencrm.ui;

import java.util.Locale;

import com.vaadin.event.ShortcutAction;
import com.vaadin.ui.Button;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The one confirmation dialog for irreversible or wide actions (cancelling a card, disabling a module for everybody,
 * merging records, writing stock off): it says in the user's language what will happen, and runs the action only when
 * the user presses the confirming button (named for the action, e.g. "Cancel the card", never a bare "OK"). Closing
 * the dialog, "Keep as it is" or Escape change nothing. Ids for tests: {@code confirm-dialog}, {@code confirm-ok},
 * {@code confirm-cancel}.
 */
public final class Confirm {
    private Confirm() {
    }

    /**
     * Asks before an action.
     *
     * @param title       what is about to be done (the dialog's caption)
     * @param consequence what will happen, in full sentences (who is affected, whether it can be undone)
     * @param confirm     the caption of the confirming button: the action's own name
     * @param action      run once, when the user confirms
     */
    public static Window ask(String title, String consequence, String confirm, Runnable action) {
        return ask("confirm-ok", title, consequence, confirm, action);
    }

    /** As {@link #ask(String, String, String, Runnable)}, the confirming button with the given id (for a screen's tests). */
    public static Window ask(String confirmId, String title, String consequence, String confirm, Runnable action) {
        Locale locale = UI.getCurrent() == null ? null : UI.getCurrent().getLocale();
        Messages msg = Messages.of(Confirm.class, "org.opencrm.ui.messages", locale);
        Window w = new Window(title);
        w.setId("confirm-dialog");
        w.setModal(true);
        w.setResizable(false);
        w.setWidth("480px");
        Label text = new Label(consequence);
        text.setId("confirm-consequence");
        text.setWidth("100%");
        text.addStyleName("crm-confirm-consequence");
        Button ok = new Button(confirm);
        ok.setId(confirmId);
        ok.addStyleName(ValoTheme.BUTTON_DANGER);
        ok.setDisableOnClick(true);
        ok.addClickListener(e -> {
            w.close();
            action.run();
        });
        Button cancel = new Button(msg.get("confirm.keep"), e -> w.close());
        cancel.setId("confirm-cancel");
        cancel.setClickShortcut(ShortcutAction.KeyCode.ESCAPE);
        HorizontalLayout buttons = new HorizontalLayout(cancel, ok);
        VerticalLayout body = new VerticalLayout(text, buttons);
        body.setWidth("100%");
        w.setContent(body);
        UI.getCurrent().addWindow(w);
        cancel.focus();
        return w;
    }
}
