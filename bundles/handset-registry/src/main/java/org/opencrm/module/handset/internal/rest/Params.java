package org.opencrm.module.handset.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.opencrm.platform.api.InvalidInputException;

/** Query parameters parsed here (not by JAX-RS) so that a bad value is a 400 naming the parameter. */
final class Params {
    private Params() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
