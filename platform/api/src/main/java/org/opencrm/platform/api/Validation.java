package org.opencrm.platform.api;

import java.util.regex.Pattern;

/**
 * Field checks shared by the core and every module, with English messages that name the field (what the REST API
 * returns) and a rule key with its values so that the web UI can say the same in the user's language. Services
 * validate before they write anything.
 */
public final class Validation {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9][0-9 ()-]{2,31}");

    private Validation() {
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required", "required");
        }
        return optional(field, value, max);
    }

    public static String optional(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters", "tooLong", max);
        }
        return v;
    }

    /** Mainland mobile: 11 digits starting 13-19; spaces, dashes and a +86 / 0086 prefix are accepted and removed. */
    public static String mobile(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.replaceAll("[\\s-]", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        } else if (v.startsWith("0086")) {
            v = v.substring(4);
        }
        if (!MOBILE.matcher(v).matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid mainland China mobile number (11 digits starting with 13-19)", "mobile",
                    value);
        }
        return v;
    }

    public static String email(String field, String value) {
        String v = optional(field, value, 254);
        if (v != null && !EMAIL.matcher(v).matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid e-mail address", "email", value);
        }
        return v;
    }

    public static String phone(String field, String value) {
        String v = optional(field, value, 32);
        if (v != null && !PHONE.matcher(v).matches()) {
            throw new InvalidInputException(field, "'" + value + "' is not a valid phone number", "phone", value);
        }
        return v;
    }
}
