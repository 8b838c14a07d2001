package org.opencrm.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.opencrm.platform.api.time.BusinessClock;

/**
 * Dates and times on screen, always in the business time zone of the signed-in session ({@link CrmSession#clock()}),
 * never in the server's: "today" for a default date, and instants shown as wall-clock times.
 */
public final class Times {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {
    }

    /** Today in the business time zone: the default of date fields and report ranges. */
    public static LocalDate today() {
        return CrmSession.clock().today();
    }

    /** An instant as "2026-12-06 01:30" in the business time zone; empty for null. */
    public static String dateTime(Instant at) {
        return at == null ? "" : MINUTES.format(CrmSession.clock().local(at));
    }

    /** An instant as "2026-12-06 01:30:05" in the business time zone; empty for null. */
    public static String dateTimeSeconds(Instant at) {
        return at == null ? "" : SECONDS.format(CrmSession.clock().local(at));
    }

    /** The start of a business day (a "from" bound); null for null. */
    public static Instant startOf(LocalDate day) {
        return day == null ? null : CrmSession.clock().startOf(day);
    }

    /** The end of a business day as an exclusive bound (the next day's start); null for null. */
    public static Instant endOf(LocalDate day) {
        return day == null ? null : CrmSession.clock().endOf(day);
    }

    /** The clock itself, for code that needs more than these. */
    public static BusinessClock clock() {
        return CrmSession.clock();
    }
}
