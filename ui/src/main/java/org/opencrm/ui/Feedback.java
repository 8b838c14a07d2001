package org.opencrm.ui;

import java.util.Map;

import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.i18n.RefusalArguments;
import org.opencrm.platform.rest.RefusalTexts;

import com.vaadin.server.Page;
import com.vaadin.server.UserError;
import com.vaadin.shared.Position;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Notification;

/**
 * Visible feedback for every user action: a short confirmation on success, and on failure the service's message at
 * the field it names (the form keeps what the user typed) or in an error notification.
 */
public final class Feedback {
    private Feedback() {
    }

    public static void done(String message) {
        Notification n = new Notification(message, Notification.Type.TRAY_NOTIFICATION);
        n.setPosition(Position.BOTTOM_RIGHT);
        n.setDelayMsec(2500);
        n.setStyleName("crm-feedback-done");
        n.show(Page.getCurrent());
    }

    public static void error(String message) {
        Notification n = new Notification(message, Notification.Type.ERROR_MESSAGE);
        n.setDelayMsec(6000);
        n.setStyleName(n.getStyleName() + " crm-feedback-error");
        n.show(Page.getCurrent());
    }

    /**
     * Shows a failed action: at the named field when the form has it (and a notification naming the problem), else
     * as a notification. Exceptions that are not business errors are shown as a generic failure and rethrown to be
     * logged by Vaadin's error handler.
     */
    public static void failed(RuntimeException e, Map<String, ? extends AbstractComponent> fields) {
        failed(e, fields, null);
    }

    /**
     * As {@link #failed(RuntimeException, Map)}, with the module's own messages: a refusal whose message key the
     * module defines ({@code error.<key>} in {@code own}) is said in the module's words, the platform's rules in the
     * platform's (since 1.4).
     */
    public static void failed(RuntimeException e, Map<String, ? extends AbstractComponent> fields, Messages own) {
        Messages shell = shellTexts(com.vaadin.server.VaadinSession.getCurrent() == null ? null : com.vaadin.server.VaadinSession.getCurrent().getLocale());
        shell = own == null ? shell : shell.withFirst(own);
        clearFieldErrors(fields);
        if (e instanceof CrmException ce) {
            AbstractComponent field = ce.field() == null ? null : fields.get(ce.field());
            if (field != null) {
                String caption = field.getCaption() == null ? ce.field() : field.getCaption();
                String text = translated(shell, ce, caption);
                field.setComponentError(new UserError(text));
                error(shell.get("feedback.fieldError", caption, text));
            } else if (e instanceof AccessDeniedException && !known(shell, ce)) {
                error(shell.get("feedback.denied", ce.getMessage()));
            } else if (e instanceof RecordNotFoundException && !known(shell, ce)) {
                error(shell.get("feedback.notFound", ce.getMessage()));
            } else {
                error(translated(shell, ce, ce.field() == null ? "" : ce.field()));
            }
            return;
        }
        error(shell.get("feedback.unexpected"));
        throw e;
    }

    /** A business error in the user's language (the rule's text when the platform knows it, else the service's message). */
    public static String describe(CrmException e, java.util.Locale locale) {
        return describe(e, locale, null);
    }

    /** As {@link #describe(CrmException, java.util.Locale)}, the module's own refusals in its words (since 1.4). */
    public static String describe(CrmException e, java.util.Locale locale, Messages own) {
        Messages shell = shellTexts(locale);
        return translated(own == null ? shell : shell.withFirst(own), e, e.field() == null ? "" : e.field());
    }

    /** The shell's own feedback, then the platform's refusals (the texts the REST API answers with too). */
    private static Messages shellTexts(java.util.Locale locale) {
        return Messages.of(RefusalTexts.class, RefusalTexts.PLATFORM, locale)
                .withFirst(Messages.of(Feedback.class, "org.opencrm.ui.feedback", locale));
    }

    private static boolean known(Messages shell, CrmException e) {
        return e.messageKey() != null && shell.has("error." + e.messageKey());
    }

    /**
     * The broken rule in the user's language when the platform or the module knows it (argument 0 is the field's
     * caption), else the service's message. An argument naming a catalogue entry ({@code status.SOLD}) or a record type
     * with a name ({@code record.<type>}, e.g. for "repair order") is said in the user's language too.
     */
    private static String translated(Messages shell, CrmException e, String caption) {
        String key = e.messageKey() == null ? null : "error." + e.messageKey();
        if (key == null || !shell.has(key)) {
            return e.getMessage();
        }
        Object[] ruleArgs = e.messageArgs();
        Object[] args = new Object[ruleArgs.length + 1];
        args[0] = caption;
        System.arraycopy(ruleArgs, 0, args, 1, ruleArgs.length);
        // an argument naming an entry of a catalogue the messages have (e.g. "status.SOLD") is shown as its text
        for (int i = 1; i < args.length; i++) {
            if (RefusalArguments.isCatalogueEntry(args[i]) && shell.has((String) args[i])) {
                args[i] = shell.get((String) args[i]);
            } else if (i == 1 && RefusalArguments.namesRecordType(e) && args[i] instanceof String type) {
                String record = RefusalArguments.recordKey(type);
                args[i] = shell.has(record) ? shell.get(record) : type;
            }
        }
        try {
            return shell.get(key, args);
        } catch (IllegalArgumentException badArgument) {
            // a value that does not fit the text's format (a module's mistake): the service's own words, not a crash
            return e.getMessage();
        }
    }

    public static void clearFieldErrors(Map<String, ? extends AbstractComponent> fields) {
        fields.values().forEach(f -> f.setComponentError(null));
    }
}
