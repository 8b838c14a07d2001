package org.opencrm.platform.api.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.money.Money.Sign;

class MoneyTest {
    private static final Money LIMIT = Money.ofFen(10_000_000_000L);

    private static Money in(String yuan, Sign sign) {
        return Money.ofYuan("amount", new BigDecimal(yuan), sign, LIMIT);
    }

    private static InvalidInputException refused(String yuan, Sign sign) {
        return assertThrows(InvalidInputException.class, () -> in(yuan, sign));
    }

    @Test
    void wireAmountsWithAtMostTwoDecimalsAreExactFen() {
        assertEquals(12_850, in("128.5", Sign.POSITIVE).fen());
        assertEquals(12_850, in("128.500", Sign.POSITIVE).fen());
        assertEquals(1, in("0.01", Sign.POSITIVE).fen());
        assertEquals(100, in("1E+0", Sign.POSITIVE).fen());
        assertEquals(0, in("0.00", Sign.NON_NEGATIVE).fen());
        assertEquals(-250, in("-2.5", Sign.ANY).fen());
        assertEquals(LIMIT, in("100000000", Sign.POSITIVE), "the limit itself is allowed");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndTheRule() {
        InvalidInputException decimals = refused("1.001", Sign.POSITIVE);
        assertEquals("amount", decimals.field());
        assertEquals(Money.KEY_DECIMALS, decimals.messageKey());
        assertEquals(Money.KEY_NOT_POSITIVE, refused("0", Sign.POSITIVE).messageKey());
        assertEquals(Money.KEY_NOT_POSITIVE, refused("-5", Sign.POSITIVE).messageKey());
        assertEquals(Money.KEY_NEGATIVE, refused("-0.01", Sign.NON_NEGATIVE).messageKey());
        assertEquals(Money.KEY_TOO_LARGE, refused("100000000.01", Sign.POSITIVE).messageKey());
        assertEquals(Money.KEY_TOO_LARGE, refused("-100000000.01", Sign.ANY).messageKey(), "the limit bounds both signs");
        assertEquals(Money.KEY_TOO_LARGE, refused("1e30", Sign.POSITIVE).messageKey(), "no overflow of the long");
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> Money.ofYuan("price", null, Sign.ANY, LIMIT));
        assertEquals("price", missing.field());
        assertEquals(Money.KEY_REQUIRED, missing.messageKey());
    }

    @Test
    void textIsParsedWithTheSameRules() {
        assertEquals(Money.ofFen(5_000), Money.parse("tiers", " 50 ", Sign.NON_NEGATIVE, LIMIT));
        InvalidInputException nan = assertThrows(InvalidInputException.class, () -> Money.parse("tiers", "12,5", Sign.ANY, LIMIT));
        assertEquals("tiers", nan.field());
        assertEquals(Money.KEY_NOT_AN_AMOUNT, nan.messageKey());
        assertEquals(Money.KEY_REQUIRED, assertThrows(InvalidInputException.class, () -> Money.parse("tiers", " ", Sign.ANY, LIMIT)).messageKey());
        assertEquals(Money.KEY_DECIMALS, assertThrows(InvalidInputException.class, () -> Money.parse("tiers", "0.125", Sign.ANY, LIMIT)).messageKey());
    }

    @Test
    void outGoesYuanWithTwoDecimals() {
        assertEquals(new BigDecimal("128.50"), Money.ofFen(12_850).yuan());
        assertEquals("0.05", Money.ofFen(5).toString());
        assertEquals("-1.00", Money.ofFen(-100).toString());
        assertEquals(new BigDecimal("0.00"), Money.yuan(0));
    }

    @Test
    void arithmeticIsExactAndRefusesOverflow() {
        assertEquals(Money.ofFen(350), Money.ofFen(100).plus(Money.ofFen(250)));
        assertEquals(Money.ofFen(-150), Money.ofFen(100).minus(Money.ofFen(250)));
        assertEquals(Money.ofFen(300), Money.ofFen(100).times(3));
        Money max = Money.ofFen(Long.MAX_VALUE);
        assertThrows(ArithmeticException.class, () -> max.plus(Money.ofFen(1)));
        assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MIN_VALUE).minus(Money.ofFen(1)));
        assertThrows(ArithmeticException.class, () -> max.times(2));
        assertThrows(ArithmeticException.class, () -> Money.ofFen(Long.MIN_VALUE).negate());
        assertThrows(ArithmeticException.class, () -> max.times(new BigDecimal("1.5")));
    }

    @Test
    void ratesRoundHalfUpToTheFen() {
        assertEquals(Money.ofFen(3), Money.ofFen(5).times(new BigDecimal("0.5")), "2.5 fen rounds up");
        assertEquals(Money.ofFen(2), Money.ofFen(5).times(new BigDecimal("0.49")));
        assertEquals(Money.ofFen(-3), Money.ofFen(-5).times(new BigDecimal("0.5")), "half-up is away from zero");
        assertEquals(Money.ofFen(11_330), Money.ofFen(12_589).times(new BigDecimal("0.9")));
    }

    @Test
    void comparesAndEqualsByFen() {
        assertEquals(0, Money.ofFen(0).compareTo(Money.ZERO));
        assertEquals(true, Money.ofFen(2).isMoreThan(Money.ofFen(1)));
        assertEquals(true, Money.ofFen(-2).isLessThan(Money.ZERO));
        assertEquals(-1, Money.ofFen(-2).signum());
        assertEquals(Money.ofFen(7).hashCode(), Money.ofFen(7).hashCode());
    }

    @Test
    void displaysGroupedWithTheYuanSignExactly() {
        assertEquals("¥0.00", Money.ZERO.display());
        assertEquals("¥0.05", Money.ofFen(5).display());
        assertEquals("¥1,288.50", Money.display(new BigDecimal("1288.5")));
        assertEquals("-¥1,000.00", Money.ofFen(-100_000).display());
        assertEquals("¥92,233,720,368,547,758.07", Money.ofFen(Long.MAX_VALUE).display());
        assertEquals("", Money.display(null));
        assertThrows(ArithmeticException.class, () -> Money.display(new BigDecimal("1.005")), "a screen never rounds money");
    }
}
