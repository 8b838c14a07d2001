package org.opencrm.module.handset.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.api.NoWarrantyReason;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.internal.model.HandsetModel;

class WarrantyRulesTest {
    private static final LocalDate SOLD = LocalDate.of(2024, 3, 1);

    @Test
    void theSaleDayIsDayZeroSoDaySevenMayReturnAndDayEightMayNot() {
        assertEquals(0, WarrantyRules.daysSince(SOLD, SOLD));
        assertTrue(WarrantyRules.withinWindow(SOLD, SOLD, 7));
        assertTrue(WarrantyRules.withinWindow(SOLD, LocalDate.of(2024, 3, 8), 7)); // day 7
        assertFalse(WarrantyRules.withinWindow(SOLD, LocalDate.of(2024, 3, 9), 7)); // day 8
        assertTrue(WarrantyRules.withinWindow(SOLD, LocalDate.of(2024, 3, 16), 15)); // day 15
        assertFalse(WarrantyRules.withinWindow(SOLD, LocalDate.of(2024, 3, 17), 15)); // day 16
        assertFalse(WarrantyRules.withinWindow(SOLD, LocalDate.of(2024, 2, 29), 7), "before the sale");
    }

    @Test
    void windowsCountCalendarDaysAcrossMonthEndsAndLeapDays() {
        LocalDate feb25 = LocalDate.of(2024, 2, 25); // 2024 is a leap year: Feb 29 exists
        assertTrue(WarrantyRules.withinWindow(feb25, LocalDate.of(2024, 3, 3), 7)); // day 7 (26,27,28,29,1,2,3)
        assertFalse(WarrantyRules.withinWindow(feb25, LocalDate.of(2024, 3, 4), 7));
        LocalDate feb25of2023 = LocalDate.of(2023, 2, 25);
        assertTrue(WarrantyRules.withinWindow(feb25of2023, LocalDate.of(2023, 3, 4), 7)); // no Feb 29: day 7 is Mar 4
        assertFalse(WarrantyRules.withinWindow(feb25of2023, LocalDate.of(2023, 3, 5), 7));
        LocalDate dec24 = LocalDate.of(2024, 12, 24);
        assertTrue(WarrantyRules.withinWindow(dec24, LocalDate.of(2025, 1, 8), 15)); // across the year end, day 15
        assertFalse(WarrantyRules.withinWindow(dec24, LocalDate.of(2025, 1, 9), 15));
    }

    @Test
    void theRefusalNamesTheWindowAndTheDaysElapsed() {
        String m = WarrantyRules.windowMessage("a return", 7, SOLD, LocalDate.of(2024, 3, 10));
        assertTrue(m.contains("within 7 days"), m);
        assertTrue(m.contains("is day 9"), m);
        assertTrue(m.contains("2 day(s) late"), m);
        assertTrue(m.contains("2024-03-08"), "the last allowed day: " + m);
        assertTrue(m.contains("handset.override"), m);
    }

    @Test
    void warrantyEndsOnTheCorrespondingDayInclusiveOrOnTheLastDayOfAShorterMonth() {
        assertEquals(LocalDate.of(2025, 3, 1), WarrantyRules.until(SOLD, 12));
        // leap day: 2025 has no Feb 29, so the last day is Feb 28 (Civil Code art. 203: the month's last day)
        assertEquals(LocalDate.of(2025, 2, 28), WarrantyRules.until(LocalDate.of(2024, 2, 29), 12));
        assertEquals(LocalDate.of(2028, 2, 29), WarrantyRules.until(LocalDate.of(2024, 2, 29), 48)); // a leap year again
        assertEquals(LocalDate.of(2024, 8, 29), WarrantyRules.until(LocalDate.of(2024, 2, 29), 6));
        // month ends: Aug 31 + 6 months has no Feb 31
        assertEquals(LocalDate.of(2024, 2, 29), WarrantyRules.until(LocalDate.of(2023, 8, 31), 6));
        assertEquals(LocalDate.of(2025, 2, 28), WarrantyRules.until(LocalDate.of(2024, 8, 31), 6));
        assertEquals(LocalDate.of(2024, 4, 30), WarrantyRules.until(LocalDate.of(2024, 1, 31), 3));
        assertEquals(LocalDate.of(2025, 1, 31), WarrantyRules.until(LocalDate.of(2024, 10, 31), 3)); // across the year end
        // both ends count
        LocalDate until = WarrantyRules.until(SOLD, 12);
        assertTrue(WarrantyRules.covers(SOLD, until, SOLD));
        assertTrue(WarrantyRules.covers(SOLD, until, until));
        assertFalse(WarrantyRules.covers(SOLD, until, until.plusDays(1)));
        assertFalse(WarrantyRules.covers(SOLD, until, SOLD.minusDays(1)));
    }

    @Test
    void accessoriesHaveTheirOwnPeriodsAndModelsMayOverrideThem() {
        WarrantyTerms t = WarrantyTerms.THREE_GUARANTEES;
        assertEquals(12, t.handsetMonths(null));
        assertEquals(6, t.accessoryMonths(null, AccessoryType.BATTERY));
        assertEquals(12, t.accessoryMonths(null, AccessoryType.CHARGER));
        assertEquals(3, t.accessoryMonths(null, AccessoryType.WIRED_HEADSET));
        HandsetModel m = new HandsetModel();
        m.handsetMonths = 24;
        m.batteryMonths = 12;
        assertEquals(24, t.handsetMonths(m));
        assertEquals(12, t.accessoryMonths(m, AccessoryType.BATTERY));
        assertEquals(12, t.accessoryMonths(m, AccessoryType.CHARGER), "no override: the default");
        assertEquals(3, t.accessoryMonths(m, AccessoryType.WIRED_HEADSET));
    }

    @Test
    void theVerdictSaysWhyNot() {
        LocalDate until = WarrantyRules.until(SOLD, 12);
        Map<AccessoryType, LocalDate> acc = Map.of(AccessoryType.BATTERY, WarrantyRules.until(SOLD, 6), AccessoryType.WIRED_HEADSET,
                WarrantyRules.until(SOLD, 3));
        WarrantyCheck ok = WarrantyRules.evaluate("i", LocalDate.of(2025, 3, 1), null, HandsetStatus.SOLD, "M", SOLD, until, acc);
        assertTrue(ok.inWarranty());
        assertNull(ok.reason());
        assertEquals(until, ok.until());
        assertEquals(NoWarrantyReason.EXPIRED, WarrantyRules.evaluate("i", LocalDate.of(2025, 3, 2), null, HandsetStatus.SOLD, "M", SOLD, until, acc).reason());
        assertTrue(WarrantyRules.evaluate("i", LocalDate.of(2025, 3, 2), null, HandsetStatus.IN_REPAIR, "M", SOLD, LocalDate.of(2025, 3, 2), acc).inWarranty(),
                "a unit in repair keeps its warranty");
        // the battery (6 months) ends on Sep 1, the wired headset (3 months) on Jun 1; the charger is not on the card
        assertTrue(WarrantyRules.evaluate("i", LocalDate.of(2024, 9, 1), AccessoryType.BATTERY, HandsetStatus.SOLD, "M", SOLD, until, acc).inWarranty());
        assertEquals(NoWarrantyReason.EXPIRED,
                WarrantyRules.evaluate("i", LocalDate.of(2024, 9, 2), AccessoryType.BATTERY, HandsetStatus.SOLD, "M", SOLD, until, acc).reason());
        assertEquals(NoWarrantyReason.EXPIRED,
                WarrantyRules.evaluate("i", LocalDate.of(2024, 6, 2), AccessoryType.WIRED_HEADSET, HandsetStatus.SOLD, "M", SOLD, until, acc).reason());
        assertEquals(NoWarrantyReason.ACCESSORY_NOT_REGISTERED,
                WarrantyRules.evaluate("i", LocalDate.of(2024, 6, 2), AccessoryType.CHARGER, HandsetStatus.SOLD, "M", SOLD, until, acc).reason());
        assertEquals(NoWarrantyReason.NOT_SOLD, WarrantyRules.evaluate("i", SOLD.minusDays(1), null, HandsetStatus.SOLD, "M", SOLD, until, acc).reason());
        assertEquals(NoWarrantyReason.NOT_SOLD, WarrantyRules.evaluate("i", SOLD, null, HandsetStatus.IN_STOCK, "M", null, null, Map.of()).reason());
        assertEquals(NoWarrantyReason.RETURNED, WarrantyRules.evaluate("i", SOLD, null, HandsetStatus.RETURNED, "M", SOLD, until, acc).reason());
        assertEquals(NoWarrantyReason.EXCHANGED, WarrantyRules.evaluate("i", SOLD, null, HandsetStatus.EXCHANGED, "M", SOLD, until, acc).reason());
        assertEquals(NoWarrantyReason.SCRAPPED, WarrantyRules.evaluate("i", SOLD, null, HandsetStatus.SCRAPPED, "M", SOLD, until, acc).reason());
    }

    @Test
    void statusTransitions() {
        assertTrue(WarrantyRules.canChange(HandsetStatus.IN_STOCK, HandsetStatus.SOLD));
        assertTrue(WarrantyRules.canChange(HandsetStatus.SOLD, HandsetStatus.RETURNED));
        assertTrue(WarrantyRules.canChange(HandsetStatus.SOLD, HandsetStatus.EXCHANGED));
        assertTrue(WarrantyRules.canChange(HandsetStatus.SOLD, HandsetStatus.IN_REPAIR));
        assertTrue(WarrantyRules.canChange(HandsetStatus.IN_REPAIR, HandsetStatus.SOLD));
        assertFalse(WarrantyRules.canChange(HandsetStatus.IN_STOCK, HandsetStatus.IN_REPAIR));
        assertFalse(WarrantyRules.canChange(HandsetStatus.SOLD, HandsetStatus.SOLD));
        assertFalse(WarrantyRules.canChange(HandsetStatus.SOLD, HandsetStatus.SCRAPPED), "a customer's unit is not scrapped");
        assertFalse(WarrantyRules.canChange(HandsetStatus.SCRAPPED, HandsetStatus.IN_STOCK));
        // a sale, return or exchange is never a bare status change
        assertFalse(WarrantyRules.canChangeManually(HandsetStatus.IN_STOCK, HandsetStatus.SOLD));
        assertFalse(WarrantyRules.canChangeManually(HandsetStatus.SOLD, HandsetStatus.RETURNED));
        assertTrue(WarrantyRules.canChangeManually(HandsetStatus.RETURNED, HandsetStatus.IN_STOCK));
        assertTrue(WarrantyRules.canChangeManually(HandsetStatus.EXCHANGED, HandsetStatus.SCRAPPED));
        for (HandsetStatus from : HandsetStatus.values()) {
            for (HandsetStatus to : WarrantyRules.manualTargets(from)) {
                assertTrue(WarrantyRules.canChange(from, to), "manual " + from + "->" + to + " is a valid transition");
            }
        }
    }
}
