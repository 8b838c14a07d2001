package org.opencrm.module.channel.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.module.channel.internal.model.RebatePeriod;
import org.opencrm.module.channel.internal.model.SettlementTerm;
import org.opencrm.module.channel.internal.model.TierMode;
import org.opencrm.platform.api.InvalidInputException;

/** The module's rules without a database: grades, aging buckets, rebate tiers, allocation order, terms, periods. */
class RulesTest {
    private static final long YUAN = 100;

    @Test
    void gradesMoveAtTheirThresholdsReachedExactly() {
        Grades g = Grades.defaults();
        assertEquals("STANDARD", g.gradeFor(0));
        assertEquals("STANDARD", g.gradeFor(-5 * YUAN));
        assertEquals("STANDARD", g.gradeFor(1_000_000 * YUAN - 1));
        assertEquals("SILVER", g.gradeFor(1_000_000 * YUAN));
        assertEquals("SILVER", g.gradeFor(5_000_000 * YUAN - 1));
        assertEquals("GOLD", g.gradeFor(5_000_000 * YUAN));
        assertEquals("DIAMOND", g.gradeFor(20_000_000 * YUAN));
        assertEquals("DIAMOND", g.gradeFor(900_000_000 * YUAN));
        assertThrows(IllegalArgumentException.class, () -> Grades.parse(new String[] { "A:10", "B:20" }));
        assertThrows(IllegalArgumentException.class, () -> Grades.parse(new String[] { "A:0", "B:20", "C:20" }));
        assertEquals("B", Grades.parse(new String[] { "A:0", "B:0.01" }).gradeFor(1));
    }

    @Test
    void agingBucketsOnGivenDates() {
        LocalDate due = LocalDate.of(2024, 1, 31);
        assertEquals(Aging.CURRENT, Aging.of(due, LocalDate.of(2024, 1, 15)));
        assertEquals(Aging.CURRENT, Aging.of(due, due));
        assertEquals(Aging.DAYS_1_30, Aging.of(due, LocalDate.of(2024, 2, 1)));
        assertEquals(Aging.DAYS_1_30, Aging.of(due, LocalDate.of(2024, 3, 1))); // 30 days (leap February)
        assertEquals(Aging.DAYS_31_60, Aging.of(due, LocalDate.of(2024, 3, 2)));
        assertEquals(Aging.DAYS_31_60, Aging.of(due, LocalDate.of(2024, 3, 31)));
        assertEquals(Aging.DAYS_61_90, Aging.of(due, LocalDate.of(2024, 4, 1)));
        assertEquals(Aging.DAYS_61_90, Aging.of(due, LocalDate.of(2024, 4, 30)));
        assertEquals(Aging.OVER_90, Aging.of(due, LocalDate.of(2024, 5, 1)));
        assertEquals(4, Aging.OVER_90.level());
    }

    @Test
    void wholeModeAppliesTheReachedRateToEverything() {
        List<Rebates.Tier> tiers = Rebates.parseYuan("tiers", "0:1;100000:2;500000:3");
        // just below the boundary: 1 % of 99,999.99 CNY = 99,999.99 fen, rounded half-up once to 100,000 fen
        assertEquals(100_000, Rebates.compute(TierMode.WHOLE, tiers, 9_999_999L, 0, 0).volumeFen());
        assertEquals(new BigDecimal("1"), Rebates.compute(TierMode.WHOLE, tiers, 9_999_999L, 0, 0).rate());
        // at the boundary exactly: 2 % of everything
        assertEquals(2_000 * YUAN, Rebates.compute(TierMode.WHOLE, tiers, 100_000 * YUAN, 0, 0).volumeFen());
        assertEquals(new BigDecimal("2"), Rebates.compute(TierMode.WHOLE, tiers, 100_000 * YUAN, 0, 0).rate());
        assertEquals(30_000 * YUAN, Rebates.compute(TierMode.WHOLE, tiers, 1_000_000 * YUAN, 0, 0).volumeFen());
        assertEquals(0, Rebates.compute(TierMode.WHOLE, tiers, 0, 0, 0).totalFen());
        assertEquals(0, Rebates.compute(TierMode.WHOLE, tiers, -500 * YUAN, 0, 0).totalFen());
    }

    @Test
    void marginalModeAppliesEachRateToItsBand() {
        List<Rebates.Tier> tiers = Rebates.parseYuan("tiers", "0:1;100000:2;500000:3");
        // 100,000 at 1 % = 1,000; 400,000 at 2 % = 8,000; 500,000 at 3 % = 15,000
        assertEquals(24_000 * YUAN, Rebates.compute(TierMode.MARGINAL, tiers, 1_000_000 * YUAN, 0, 0).volumeFen());
        // at the second threshold exactly nothing is at 2 % yet
        assertEquals(1_000 * YUAN, Rebates.compute(TierMode.MARGINAL, tiers, 100_000 * YUAN, 0, 0).volumeFen());
        assertEquals(new BigDecimal("2"), Rebates.compute(TierMode.MARGINAL, tiers, 100_000 * YUAN, 0, 0).rate());
        // one fen above it: 0.02 fen more, rounded once
        assertEquals(1_000 * YUAN, Rebates.compute(TierMode.MARGINAL, tiers, 100_000 * YUAN + 1, 0, 0).volumeFen());
        // a first tier above 0: nothing below it
        List<Rebates.Tier> high = Rebates.parseYuan("tiers", "50000:2");
        assertNull(Rebates.compute(TierMode.MARGINAL, high, 49_999 * YUAN, 0, 0).rate());
        assertEquals(0, Rebates.compute(TierMode.MARGINAL, high, 49_999 * YUAN, 0, 0).volumeFen());
        assertEquals(20 * YUAN, Rebates.compute(TierMode.MARGINAL, high, 51_000 * YUAN, 0, 0).volumeFen());
        assertEquals(1020 * YUAN, Rebates.compute(TierMode.WHOLE, high, 51_000 * YUAN, 0, 0).volumeFen());
    }

    @Test
    void roundingIsHalfUpOnceAndTheBonusNeedsTheTarget() {
        List<Rebates.Tier> tiers = Rebates.parseYuan("tiers", "0:1.5");
        // 1.5 % of 0.33 CNY = 0.495 fen -> 0 fen; of 0.34 = 0.51 -> 1 fen; of 1.00 = 1.5 -> 2 fen (half up)
        assertEquals(0, Rebates.compute(TierMode.WHOLE, tiers, 33, 0, 0).volumeFen());
        assertEquals(1, Rebates.compute(TierMode.WHOLE, tiers, 34, 0, 0).volumeFen());
        assertEquals(2, Rebates.compute(TierMode.WHOLE, tiers, 100, 0, 0).volumeFen());
        // marginal bands are summed exactly, then rounded: 0.5 + 0.5 fen is 1 fen, not 1 + 1
        List<Rebates.Tier> two = Rebates.parseYuan("tiers", "0:1;0.50:1");
        assertEquals(1, Rebates.compute(TierMode.MARGINAL, two, 100, 0, 0).volumeFen());
        Rebates.Outcome met = Rebates.compute(TierMode.WHOLE, tiers, 200_000 * YUAN, 200_000 * YUAN, 5_000 * YUAN);
        assertEquals(5_000 * YUAN, met.bonusFen());
        assertEquals(3_000 * YUAN + 5_000 * YUAN, met.totalFen());
        assertEquals(0, Rebates.compute(TierMode.WHOLE, tiers, 200_000 * YUAN - 1, 200_000 * YUAN, 5_000 * YUAN).bonusFen());
        assertThrows(InvalidInputException.class, () -> Rebates.parseYuan("tiers", "0:1;0:2"));
        assertThrows(InvalidInputException.class, () -> Rebates.parseYuan("tiers", "0:101"));
        assertThrows(InvalidInputException.class, () -> Rebates.parseYuan("tiers", "0:1;100.001:2"));
        assertEquals("0:1;10000000:2", Rebates.format(Rebates.parseYuan("tiers", "0:1;100000:2")));
    }

    @Test
    void allocationPaysTheOldestFirstUnlessNamed() {
        LocalDate d = LocalDate.of(2024, 1, 1);
        List<Allocations.Open> open = List.of(new Allocations.Open(3, d.plusDays(10), d.plusDays(40), 300), new Allocations.Open(1, d, d.plusDays(30), 100),
                new Allocations.Open(2, d, d.plusDays(30), 200));
        assertEquals(List.of(new Allocations.Share(1, 100), new Allocations.Share(2, 200), new Allocations.Share(3, 50)), Allocations.plan(open, 350, null));
        assertEquals(List.of(new Allocations.Share(3, 300), new Allocations.Share(1, 50)), Allocations.plan(open, 350, List.of(3L, 1L)));
        assertEquals(List.of(new Allocations.Share(1, 100), new Allocations.Share(2, 200), new Allocations.Share(3, 300)), Allocations.plan(open, 10_000, null));
        assertEquals(List.of(), Allocations.plan(List.of(), 10_000, null));
    }

    @Test
    void termsAndPeriods() {
        assertEquals(0, SettlementTerm.PREPAID.days());
        assertEquals(0, SettlementTerm.CASH_ON_DELIVERY.days());
        assertEquals(30, SettlementTerm.MONTHLY.days());
        assertEquals(90, SettlementTerm.QUARTERLY.days());
        assertEquals(180, SettlementTerm.HALF_YEARLY.days());
        assertEquals(365, SettlementTerm.YEARLY.days());
        assertEquals(LocalDate.of(2024, 4, 1), RebateService.periodStart(RebatePeriod.QUARTERLY, LocalDate.of(2024, 5, 17)));
        assertEquals(LocalDate.of(2024, 6, 30), RebateService.periodEnd(RebatePeriod.QUARTERLY, LocalDate.of(2024, 4, 1)));
        assertEquals(LocalDate.of(2024, 2, 29), RebateService.periodEnd(RebatePeriod.MONTHLY, LocalDate.of(2024, 2, 1)));
        assertEquals(LocalDate.of(2024, 1, 1), RebateService.periodStart(RebatePeriod.YEARLY, LocalDate.of(2024, 12, 31)));
    }
}
