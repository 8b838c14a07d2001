package org.opencrm.module.handset.internal.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.api.NoWarrantyReason;
import org.opencrm.module.handset.api.WarrantyCheck;

/**
 * The date arithmetic of the three-guarantees rules, free of persistence so it is tested on its own.
 *
 * <p>Counting follows the PRC Civil Code (arts. 201, 203): the day of the sale is not counted (it is day 0), a period
 * in days ends at the end of its last day, and a period in months ends on the corresponding day of the last month, or
 * that month's last day when it has no such day. Hence a return on day 7 is in time and on day 8 is not, and a warranty
 * of 12 months from 2024-02-29 covers up to and including 2025-02-28: {@code until = start.plusMonths(months)},
 * inclusive, which is exactly what {@link LocalDate#plusMonths} computes (it clamps to the month's end).
 */
public final class WarrantyRules {
    private static final Map<HandsetStatus, Set<HandsetStatus>> TRANSITIONS = Map.of(
            HandsetStatus.IN_STOCK, EnumSet.of(HandsetStatus.SOLD, HandsetStatus.SCRAPPED),
            HandsetStatus.SOLD, EnumSet.of(HandsetStatus.RETURNED, HandsetStatus.EXCHANGED, HandsetStatus.IN_REPAIR),
            HandsetStatus.IN_REPAIR, EnumSet.of(HandsetStatus.SOLD, HandsetStatus.SCRAPPED),
            HandsetStatus.RETURNED, EnumSet.of(HandsetStatus.IN_STOCK, HandsetStatus.SCRAPPED),
            HandsetStatus.EXCHANGED, EnumSet.of(HandsetStatus.IN_STOCK, HandsetStatus.SCRAPPED),
            HandsetStatus.SCRAPPED, EnumSet.noneOf(HandsetStatus.class));

    /** Transitions anyone with handset.write may make directly; the others happen through sale, return, exchange, repair. */
    private static final Map<HandsetStatus, Set<HandsetStatus>> MANUAL = Map.of(
            HandsetStatus.IN_STOCK, EnumSet.of(HandsetStatus.SCRAPPED),
            HandsetStatus.RETURNED, EnumSet.of(HandsetStatus.IN_STOCK, HandsetStatus.SCRAPPED),
            HandsetStatus.EXCHANGED, EnumSet.of(HandsetStatus.IN_STOCK, HandsetStatus.SCRAPPED),
            HandsetStatus.IN_REPAIR, EnumSet.of(HandsetStatus.SOLD, HandsetStatus.SCRAPPED),
            HandsetStatus.SOLD, EnumSet.of(HandsetStatus.IN_REPAIR));

    private WarrantyRules() {
    }

    /** The last day covered (inclusive) by a warranty of {@code months} starting on {@code start}. */
    public static LocalDate until(LocalDate start, int months) {
        return start.plusMonths(months);
    }

    /** Whether {@code day} lies in [from, until], both inclusive. */
    public static boolean covers(LocalDate from, LocalDate until, LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(until);
    }

    /** Days since the sale: the sale day itself is 0. */
    public static long daysSince(LocalDate saleDate, LocalDate day) {
        return ChronoUnit.DAYS.between(saleDate, day);
    }

    /** Whether {@code day} is within a window of {@code windowDays} after the sale (day 0 .. windowDays inclusive). */
    public static boolean withinWindow(LocalDate saleDate, LocalDate day, int windowDays) {
        long d = daysSince(saleDate, day);
        return d >= 0 && d <= windowDays;
    }

    /** The refusal message for an action outside its window, naming the window and the days elapsed. */
    public static String windowMessage(String action, int windowDays, LocalDate saleDate, LocalDate day) {
        long elapsed = daysSince(saleDate, day);
        return action + " is allowed within " + windowDays + " days of the sale (sold on " + saleDate + ", which is day 0; the last day was "
                + saleDate.plusDays(windowDays) + "), but " + day + " is day " + elapsed + " (" + (elapsed - windowDays)
                + " day(s) late); HQ can override with the permission handset.override and an overrideReason";
    }

    public static boolean canChange(HandsetStatus from, HandsetStatus to) {
        return TRANSITIONS.getOrDefault(from, Set.of()).contains(to);
    }

    public static boolean canChangeManually(HandsetStatus from, HandsetStatus to) {
        return MANUAL.getOrDefault(from, Set.of()).contains(to);
    }

    public static Set<HandsetStatus> manualTargets(HandsetStatus from) {
        return MANUAL.getOrDefault(from, Set.of());
    }

    /**
     * The warranty verdict for a unit in {@code status} whose active card covers [from, handsetUntil] and lists the
     * accessories with their last days. {@code from} is null when the unit has no active card.
     */
    public static WarrantyCheck evaluate(String imei, LocalDate day, AccessoryType accessory, HandsetStatus status, String modelCode,
            LocalDate from, LocalDate handsetUntil, Map<AccessoryType, LocalDate> accessoryUntil) {
        NoWarrantyReason stateReason = switch (status) {
            case RETURNED -> NoWarrantyReason.RETURNED;
            case EXCHANGED -> NoWarrantyReason.EXCHANGED;
            case SCRAPPED -> NoWarrantyReason.SCRAPPED;
            case IN_STOCK -> NoWarrantyReason.NOT_SOLD;
            case SOLD, IN_REPAIR -> null;
        };
        if (stateReason != null || from == null) {
            return new WarrantyCheck(imei, day, accessory, false, null, null, stateReason == null ? NoWarrantyReason.NOT_SOLD : stateReason, status, modelCode);
        }
        LocalDate until = handsetUntil;
        if (accessory != null) {
            until = accessoryUntil.get(accessory);
            if (until == null) {
                return new WarrantyCheck(imei, day, accessory, false, null, null, NoWarrantyReason.ACCESSORY_NOT_REGISTERED, status, modelCode);
            }
        }
        if (day.isBefore(from)) {
            return new WarrantyCheck(imei, day, accessory, false, from, until, NoWarrantyReason.NOT_SOLD, status, modelCode);
        }
        if (day.isAfter(until)) {
            return new WarrantyCheck(imei, day, accessory, false, from, until, NoWarrantyReason.EXPIRED, status, modelCode);
        }
        return new WarrantyCheck(imei, day, accessory, true, from, until, null, status, modelCode);
    }
}
