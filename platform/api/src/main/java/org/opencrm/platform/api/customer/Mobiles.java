package org.opencrm.platform.api.customer;

/**
 * How a customer's mobile is shown where a stranger may see it (a picker's caption, a printed receipt left on a
 * counter): one rule for every screen and document, so that no two places hide different digits of the same number.
 */
public final class Mobiles {
    private Mobiles() {
    }

    /**
     * "138****0007": a number of 8 or more characters keeps its last four and its first three (with an 11-digit mobile's
     * country prefix, "+86138****0007"); a shorter one keeps only its last two ("****21"); "" for none.
     */
    public static String masked(String mobile) {
        if (mobile == null || mobile.isBlank()) {
            return "";
        }
        String m = mobile.strip();
        if (m.length() < 8) {
            return "*".repeat(Math.max(0, m.length() - 2)) + m.substring(Math.max(0, m.length() - 2));
        }
        int keepEnd = 4;
        int keepStart = m.length() >= 11 ? m.length() - 8 : 3;
        return m.substring(0, keepStart) + "*".repeat(m.length() - keepStart - keepEnd) + m.substring(m.length() - keepEnd);
    }
}
