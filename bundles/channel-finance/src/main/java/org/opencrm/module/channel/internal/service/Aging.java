package org.opencrm.module.channel.internal.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Aging buckets by days overdue as of a date: current (not yet due), 1–30, 31–60, 61–90, over 90. */
public enum Aging {
    CURRENT, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90;

    /** Days past the due date on {@code asOf} (0 or less: not overdue; due on asOf is not overdue). */
    public static long overdueDays(LocalDate dueOn, LocalDate asOf) {
        return ChronoUnit.DAYS.between(dueOn, asOf);
    }

    public static Aging of(long overdueDays) {
        if (overdueDays <= 0) {
            return CURRENT;
        }
        if (overdueDays <= 30) {
            return DAYS_1_30;
        }
        if (overdueDays <= 60) {
            return DAYS_31_60;
        }
        if (overdueDays <= 90) {
            return DAYS_61_90;
        }
        return OVER_90;
    }

    public static Aging of(LocalDate dueOn, LocalDate asOf) {
        return of(overdueDays(dueOn, asOf));
    }

    /** The collection level of an overdue invoice: 1 for 1–30 days ... 4 for over 90; 0 when not overdue. */
    public int level() {
        return ordinal();
    }
}
