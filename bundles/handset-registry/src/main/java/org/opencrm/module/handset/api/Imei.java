package org.opencrm.module.handset.api;

/**
 * IMEI checks: 15 digits (8-digit type allocation code, 6-digit serial, Luhn check digit), as printed on the box
 * and shown by *#06#. Spaces, dashes and slashes that people copy along are removed by {@link #normalise}.
 */
public final class Imei {
    public static final int LENGTH = 15;

    private Imei() {
    }

    /** The input without separators (spaces, '-', '/', '.'), or null for null. */
    public static String normalise(String input) {
        if (input == null) {
            return null;
        }
        // a loop, not a regex: this runs on every lookup by IMEI (the hot path of the API), and mostly removes nothing
        int n = input.length();
        int i = 0;
        while (i < n && !separator(input.charAt(i))) {
            i++;
        }
        if (i == n) {
            return input;
        }
        StringBuilder out = new StringBuilder(n).append(input, 0, i);
        for (; i < n; i++) {
            char c = input.charAt(i);
            if (!separator(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** What {@link #normalise} removes: the whitespace of a regex's \\s, '.', '/' and '-'. */
    private static boolean separator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '.' || c == '/' || c == '-';
    }

    /** Whether {@code imei} (already normalised) is 15 digits with a correct Luhn check digit. */
    public static boolean isValid(String imei) {
        if (imei == null || imei.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (imei.charAt(i) < '0' || imei.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(imei.substring(0, LENGTH - 1)) == imei.charAt(LENGTH - 1) - '0';
    }

    /** The Luhn check digit of the first 14 digits. */
    public static int checkDigit(String fourteenDigits) {
        if (fourteenDigits == null || fourteenDigits.length() != LENGTH - 1 || !fourteenDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("14 digits expected: " + fourteenDigits);
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int d = fourteenDigits.charAt(i) - '0';
            if (i % 2 == 1) { // every second digit from the left is doubled (the rightmost of the 14 included)
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** The full IMEI for 14 digits (TAC + serial): appends the check digit. */
    public static String withCheckDigit(String fourteenDigits) {
        return fourteenDigits + checkDigit(fourteenDigits);
    }
}
