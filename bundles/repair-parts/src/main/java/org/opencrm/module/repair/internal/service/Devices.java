package org.opencrm.module.repair.internal.service;

import java.util.Arrays;
import java.util.Locale;

import org.opencrm.platform.api.InvalidInputException;

/** Input checks of device identifiers and enum names, each naming the field. */
final class Devices {
    private Devices() {
    }

    /** An IMEI: 15 digits once spaces and dashes are removed; null when blank. */
    static String imei(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.replaceAll("[\\s-]", "");
        if (v.length() != 15 || !v.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException(field, "'" + value + "' is not an IMEI (15 digits)", "repair.notAnImei", value);
        }
        return v;
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()), "notOneOf", value, Arrays.toString(type.getEnumConstants()));
        }
    }
}
