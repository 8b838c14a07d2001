package org.opencrm.platform.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.opencrm.platform.api.InvalidInputException;

/**
 * Query parameters taken as text and parsed here rather than by JAX-RS, so that a bad value is a 400 naming the
 * parameter (JAX-RS answers a bare 404 when it cannot convert one). Blank means absent: every method returns null.
 */
public final class QueryParams {
    private QueryParams() {
    }

    public static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "'" + value + "' is not a whole number", "notAWholeNumber", value);
        }
    }

    /** An ISO date, yyyy-MM-dd. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "'" + value + "' is not a date (yyyy-MM-dd)", "notADate", value);
        }
    }

    /** true/false, 1/0 or yes/no. */
    public static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new InvalidInputException(name, "'" + value + "' is not true or false", "notTrueOrFalse", value);
        };
    }

    /** A constant of {@code type}, case-insensitive. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.toString(type.getEnumConstants());
            throw new InvalidInputException(name, "'" + value + "' is not one of " + allowed, "notOneOf", value, allowed);
        }
    }
}
