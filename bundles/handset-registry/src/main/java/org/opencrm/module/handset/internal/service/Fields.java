package org.opencrm.module.handset.internal.service;

import java.util.Locale;
import java.util.regex.Pattern;

import org.opencrm.module.handset.api.Imei;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Validation;

/**
 * The module's field rules (IMEI, serial number, model code, licence, months) on top of the platform's Validation;
 * messages name the field, and services validate everything before they write anything.
 */
public final class Fields {
    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,31}");
    private static final Pattern MODEL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");
    private static final Pattern LICENCE = Pattern.compile("[0-9A-Z]{2}-[0-9A-Z]{4}-[0-9A-Z]{6}");

    private Fields() {
    }

    public static String required(String field, String value, int max) {
        return Validation.required(field, value, max);
    }

    public static String optional(String field, String value, int max) {
        return Validation.optional(field, value, max);
    }

    /** A required IMEI: separators removed, 15 digits, valid check digit; the message says what is wrong. */
    public static String imei(String field, String value) {
        String v = Imei.normalise(Validation.required(field, value, 64));
        if (!imeiShape(v)) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid IMEI: 15 digits expected, got " + v.length() + " character(s)"
                    + (v.matches("\\d*") ? "" : " with non-digits"), "handset.imeiLength", value, v.length());
        }
        if (!Imei.isValid(v)) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid IMEI: the check digit (last digit) should be "
                    + Imei.checkDigit(v.substring(0, 14)) + " (Luhn)", "handset.imeiCheckDigit", value, Imei.checkDigit(v.substring(0, 14)));
        }
        return v;
    }

    /** Whether {@code s} is exactly 15 ASCII digits, a normalised IMEI's shape (no regex: the IMEI lookup is the API's hot path). */
    static boolean imeiShape(String s) {
        if (s == null || s.length() != Imei.LENGTH) {
            return false;
        }
        for (int i = 0; i < Imei.LENGTH; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public static String optionalImei(String field, String value) {
        return value == null || value.isBlank() ? null : imei(field, value);
    }

    public static String serial(String field, String value) {
        String v = required(field, value, 32).toUpperCase(Locale.ROOT);
        if (!SERIAL.matcher(v).matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid serial number: 4-32 letters, digits or '-'", "handset.serialFormat", value);
        }
        return v;
    }

    public static String modelCode(String field, String value) {
        String v = required(field, value, 32).toUpperCase(Locale.ROOT);
        if (!MODEL_CODE.matcher(v).matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid model code: up to 32 letters, digits, '.', '_' or '-'", "handset.modelCodeFormat", value);
        }
        return v;
    }

    public static String licence(String field, String value) {
        String v = optional(field, value, 14);
        if (v == null) {
            return null;
        }
        v = v.toUpperCase(Locale.ROOT);
        if (!LICENCE.matcher(v).matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not a network access licence number (format XX-XXXX-XXXXXX, e.g. 02-C045-192736)", "handset.licenceFormat", value);
        }
        return v;
    }

    public static Integer months(String field, Integer value) {
        if (value != null && (value < 0 || value > 120)) {
            throw new InvalidInputException(field, field + " must be between 0 and 120 months", "handset.monthsRange");
        }
        return value;
    }
}
