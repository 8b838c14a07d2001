package org.opencrm.ui;

import java.util.Map;
import java.util.Optional;

import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;

/** Form helpers every module's screens share. */
public final class Fields {
    private Fields() {
    }

    /** A full-width text field with its caption and an id (the id is how browser tests and the field errors find it). */
    public static TextField text(String caption, String id) {
        TextField f = new TextField(caption);
        f.setId(id);
        f.setWidth("100%");
        return f;
    }

    /** What a field shows for a value: its text, or empty for null. */
    public static String shown(Object value) {
        return value == null ? "" : value.toString();
    }

    /** What a form hands to a service for a typed text: trimmed, or null when blank. */
    public static String typed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A read-only value with its caption, "—" when empty. */
    public static Label readOnly(String caption, String value) {
        Label l = new Label(value == null || value.isBlank() ? "—" : value);
        l.setCaption(caption);
        return l;
    }

    /**
     * The id typed into an optional number field: empty when blank, the number when valid; otherwise marks the
     * field with {@code error}, tells the user, and throws so the caller's save stops with the form as typed.
     */
    public static Optional<Long> optionalId(TextField field, String error, Map<String, ? extends AbstractComponent> form) {
        if (field.isEmpty() || field.getValue().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(field.getValue().trim()));
        } catch (NumberFormatException e) {
            Feedback.clearFieldErrors(form);
            field.setComponentError(new UserError(error));
            Feedback.error(error);
            throw new InvalidField();
        }
    }

    /** An amount typed into an optional field ("1,288.50" allowed): empty when blank; otherwise like {@link #optionalId}. */
    public static Optional<java.math.BigDecimal> optionalDecimal(TextField field, String error, Map<String, ? extends AbstractComponent> form) {
        if (field.isEmpty() || field.getValue().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new java.math.BigDecimal(field.getValue().trim().replace(",", "")));
        } catch (NumberFormatException e) {
            Feedback.clearFieldErrors(form);
            field.setComponentError(new UserError(error));
            Feedback.error(error);
            throw new InvalidField();
        }
    }

    /** Thrown by {@link #optionalId} after the user has been told; callers just stop. */
    public static final class InvalidField extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidField() {
            super(null, null, false, false);
        }
    }
}
