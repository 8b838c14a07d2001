package org.opencrm.module.membership.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.money.Money;

/** The arithmetic of earning, tiers, top-up bonuses and money, without a database. */
class RulesTest {
    private final Rules.Terms d = Rules.Terms.defaults();

    @Test
    void pointsAreFullYuanTimesMultiplierRoundedDownOnce() {
        assertEquals(128, Rules.points(12_899, 1, new BigDecimal("1.0"))); // 128.99 CNY: only full yuan count
        assertEquals(153, Rules.points(12_899, 1, new BigDecimal("1.2"))); // 153.6 -> 153
        assertEquals(192, Rules.points(12_899, 1, new BigDecimal("1.5")));
        assertEquals(256, Rules.points(12_800, 1, new BigDecimal("2.0")));
        assertEquals(0, Rules.points(99, 1, new BigDecimal("2.0"))); // 0.99 CNY earns nothing
        assertEquals(1, Rules.points(100, 1, new BigDecimal("1.5"))); // 1.5 -> 1
        assertEquals(7, Rules.points(333, 1, new BigDecimal("2.4"))); // 3 x 2.4 = 7.2 (tier 1.2 x promotion 2.0) -> 7
    }

    @Test
    void tierIsTheHighestThresholdReached() {
        List<Rules.Tier> t = d.tiers();
        assertEquals("NORMAL", Rules.tierFor(t, 0));
        assertEquals("NORMAL", Rules.tierFor(t, 499_999));
        assertEquals("SILVER", Rules.tierFor(t, 500_000));
        assertEquals("SILVER", Rules.tierFor(t, 1_999_999));
        assertEquals("GOLD", Rules.tierFor(t, 2_000_000));
        assertEquals("PLATINUM", Rules.tierFor(t, 5_000_000));
        assertEquals("PLATINUM", Rules.tierFor(t, 900_000_000));
    }

    @Test
    void topUpBonusIsTheHighestRuleReached() {
        assertEquals(0, Rules.bonusFen(d.bonuses(), 99_999));
        assertEquals(10_000, Rules.bonusFen(d.bonuses(), 100_000));
        assertEquals(10_000, Rules.bonusFen(d.bonuses(), 499_999));
        assertEquals(80_000, Rules.bonusFen(d.bonuses(), 500_000));
    }

    /** The till's rule: a positive amount of at most 2 decimals, at most {@link LedgerService#MAX_AMOUNT}. */
    private static long tillFen(BigDecimal amount) {
        return Money.ofYuan("amount", amount, Money.Sign.POSITIVE, LedgerService.MAX_AMOUNT).fen();
    }

    @Test
    void moneyIsExactFenAndRefusesBadAmounts() {
        assertEquals(12_850, tillFen(new BigDecimal("128.5")));
        assertEquals(1, tillFen(new BigDecimal("0.01")));
        assertEquals(100, tillFen(new BigDecimal("1.000")));
        assertEquals("amount", assertThrows(InvalidInputException.class, () -> tillFen(new BigDecimal("1.001"))).field());
        assertThrows(InvalidInputException.class, () -> tillFen(BigDecimal.ZERO));
        assertThrows(InvalidInputException.class, () -> tillFen(new BigDecimal("-5")));
        assertThrows(InvalidInputException.class, () -> tillFen(null));
        assertThrows(InvalidInputException.class, () -> tillFen(new BigDecimal("1e12")));
        assertEquals(10_000_000_000L, tillFen(new BigDecimal("100000000")));
        assertEquals(new BigDecimal("128.50"), Money.yuan(12_850));
    }

    @Test
    void cardNumbersCarryALuhnCheckDigit() {
        String n = CardService.number(42);
        assertEquals(16, n.length());
        assertEquals("886000000000042", n.substring(0, 15));
        int sum = 0;
        for (int i = 0; i < 16; i++) {
            int dgt = n.charAt(15 - i) - '0';
            if (i % 2 == 1) {
                dgt = dgt * 2 > 9 ? dgt * 2 - 9 : dgt * 2;
            }
            sum += dgt;
        }
        assertEquals(0, sum % 10);
    }
}
