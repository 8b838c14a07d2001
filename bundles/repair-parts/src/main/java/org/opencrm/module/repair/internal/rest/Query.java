package org.opencrm.module.repair.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.opencrm.platform.api.InvalidInputException;

/** Query parameters read as text and parsed here, so that a bad value is a 400 naming the parameter (not a bare 404 from JAX-RS). */
final class Query {
    private Query() {
    }

    static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "'" + value + "' is not a whole number");
        }
    }

    static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    static Boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new InvalidInputException(name, "'" + value + "' is not true or false");
        };
    }
}
