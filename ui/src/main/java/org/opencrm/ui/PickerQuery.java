package org.opencrm.ui;

/**
 * What a user typed into a record picker, read once for every kind of record: "#1234" names a record by its
 * number only; other text is searched as a name or mobile prefix, and when it is all digits it may also be the
 * record's number (a clerk reads a store's number off a slip). Blank text searches everything (the first records by
 * name).
 *
 * @param number the record number the text may be, or null
 * @param text the prefix to search names and mobiles with, or null for "everything" (blank) or "only the number" ("#12")
 * @param numberOnly true for "#12": no name search at all
 */
public record PickerQuery(Long number, String text, boolean numberOnly) {
    /** Longest number a record id has (a long's 18 safe digits); longer digit runs are mobiles or codes, not ids. */
    static final int MAX_ID_DIGITS = 18;

    public static PickerQuery of(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return new PickerQuery(null, null, false);
        }
        if (t.startsWith("#")) {
            String digits = t.substring(1).strip();
            return new PickerQuery(number(digits), null, true);
        }
        return new PickerQuery(number(t), t, false);
    }

    private static Long number(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_ID_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long n = Long.parseLong(digits);
        return n > 0 ? n : null;
    }

    /** Whether a record whose name or key is {@code candidate} matches the text (case-insensitive substring; everything for blank). */
    public boolean matches(String candidate) {
        if (numberOnly) {
            return false;
        }
        return text == null || (candidate != null && candidate.toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT)));
    }
}
