package org.opencrm.ui;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.data.Result;
import com.vaadin.ui.DateField;
import com.vaadin.ui.UI;

/**
 * A date field that takes a date as staff type it: 2024-05-03 (shown so), 2024/5/3, 2024.5.3, 2024-5-3 and 2024年5月3日;
 * anything else, or a day that does not exist (2024/2/30), is marked at the field with the forms it accepts, never
 * silently dropped (since 1.4).
 */
public class DateInput extends DateField {
    private static final long serialVersionUID = 1L;
    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?");

    public DateInput(String caption) {
        super(caption);
        setDateFormat("yyyy-MM-dd");
    }

    public DateInput(String caption, LocalDate value) {
        super(caption, value);
        setDateFormat("yyyy-MM-dd");
    }

    @Override
    protected Result<LocalDate> handleUnparsableDateString(String text) {
        LocalDate day = parse(text);
        if (day != null) {
            return Result.ok(day);
        }
        Locale locale = UI.getCurrent() == null ? getLocale() : UI.getCurrent().getLocale();
        return Result.error(Messages.of(DateInput.class, "org.opencrm.ui.messages", locale).get("date.unparsable", text == null ? "" : text.strip()));
    }

    /**
     * The day entered, or null when the field is empty. When what the user typed is not a day, the field is marked, the
     * user told, and {@link Fields.InvalidField} thrown so that the save stops with the form as typed (a birthday typed
     * in another form is never dropped without a word).
     */
    public LocalDate checkedValue() {
        if (!getState(false).parsable) {
            Locale locale = UI.getCurrent() == null ? getLocale() : UI.getCurrent().getLocale();
            String text = Messages.of(DateInput.class, "org.opencrm.ui.messages", locale).get("date.unparsableShort", getCaption() == null ? "" : getCaption());
            setComponentError(new com.vaadin.server.UserError(text));
            Feedback.error(text);
            throw new Fields.InvalidField();
        }
        return getValue();
    }

    /** The day {@code text} names in one of the accepted forms, or null. */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (Pattern p : new Pattern[] { NUMERIC, CHINESE }) {
            Matcher m = p.matcher(t);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
