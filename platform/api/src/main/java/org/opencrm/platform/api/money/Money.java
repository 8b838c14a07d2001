package org.opencrm.platform.api.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.opencrm.platform.api.InvalidInputException;

/**
 * An exact amount of Chinese yuan, held as a long count of fen (1 yuan = 100 fen); never a double.
 *
 * <p>A value type rather than static helpers on a bare long, so that a signature says "money" and a method cannot
 * add fen to points by mistake; entities keep their {@code long ...Fen} columns and convert with {@link #ofFen} and
 * {@link #fen()}. The one rule set of the platform:
 * <ul>
 * <li>On the wire an amount is a decimal number of yuan with at most 2 decimal places ({@code 128.5}, {@code 128.50}
 * and {@code 128.500} are the same amount; {@code 128.505} is refused, never rounded: a till must not lose a fen).
 * Out of the platform amounts go as {@link #yuan()}, a BigDecimal with exactly 2 decimals.</li>
 * <li>Input is refused with an {@link InvalidInputException} naming the field and a message key (see
 * {@link #ofYuan}); a negative amount is refused unless the caller allows it ({@link Sign}), and each caller states
 * its upper limit.</li>
 * <li>Arithmetic is exact and overflow-safe ({@code Math.*Exact}: an {@link ArithmeticException} instead of a wrapped
 * sign); the only rounding is {@link #times(BigDecimal)} (a rate or a share), half-up to the fen.</li>
 * </ul>
 */
public final class Money implements Comparable<Money> {
    public static final String CURRENCY = "CNY";
    public static final Money ZERO = new Money(0);

    /** Message keys of the refusals, for a UI to say them in the user's language ({0} the field, {1} the amount, {2} the limit). */
    public static final String KEY_REQUIRED = "required";
    public static final String KEY_NOT_AN_AMOUNT = "money.notAnAmount";
    public static final String KEY_DECIMALS = "money.decimals";
    public static final String KEY_NEGATIVE = "money.negative";
    public static final String KEY_NOT_POSITIVE = "money.notPositive";
    public static final String KEY_TOO_LARGE = "money.tooLarge";

    /** Which signs an input may have. */
    public enum Sign {
        /** More than 0: a payment, a top-up, a redemption. */
        POSITIVE,
        /** 0 or more: a price, a charge that may be waived. */
        NON_NEGATIVE,
        /** Any sign: an adjustment or a difference. */
        ANY
    }

    private final long fen;

    private Money(long fen) {
        this.fen = fen;
    }

    public static Money ofFen(long fen) {
        return fen == 0 ? ZERO : new Money(fen);
    }

    /**
     * The amount of a wire field in yuan, checked: required, at most 2 decimals, of the allowed sign and at most
     * {@code limit} (inclusive, in its absolute value for {@link Sign#ANY}). Each refusal is an
     * {@link InvalidInputException} on {@code field} with one of the {@code KEY_*} message keys.
     */
    public static Money ofYuan(String field, BigDecimal yuan, Sign sign, Money limit) {
        if (yuan == null) {
            throw new InvalidInputException(field, field + " is required (CNY, e.g. 128.50)", KEY_REQUIRED);
        }
        BigDecimal inFen = yuan.movePointRight(2);
        if (inFen.signum() != 0 && inFen.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException(field, field + " " + yuan.toPlainString() + " has more than 2 decimal places", KEY_DECIMALS,
                    yuan.toPlainString());
        }
        if (sign == Sign.POSITIVE && yuan.signum() <= 0) {
            throw new InvalidInputException(field, field + " must be more than 0", KEY_NOT_POSITIVE, yuan.toPlainString());
        }
        if (sign == Sign.NON_NEGATIVE && yuan.signum() < 0) {
            throw new InvalidInputException(field, field + " must not be negative", KEY_NEGATIVE, yuan.toPlainString());
        }
        // compared as decimals before the conversion, so that 1e30 is "too large", not an overflow
        if (inFen.abs().compareTo(BigDecimal.valueOf(limit.fen).abs()) > 0) {
            throw new InvalidInputException(field, field + " " + yuan.toPlainString() + " is too large (at most " + limit + " CNY)", KEY_TOO_LARGE,
                    yuan.toPlainString(), limit.yuan());
        }
        return ofFen(inFen.longValueExact());
    }

    /** {@link #ofYuan(String, BigDecimal, Sign, Money)} of a text (a setting, a CSV cell); a text that is no number is refused naming the field. */
    public static Money parse(String field, String text, Sign sign, Money limit) {
        if (text == null || text.isBlank()) {
            return ofYuan(field, null, sign, limit);
        }
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + text + "' is not an amount", KEY_NOT_AN_AMOUNT, text);
        }
        return ofYuan(field, yuan, sign, limit);
    }

    /** The count of fen, for a column. */
    public long fen() {
        return fen;
    }

    /** The amount in yuan with exactly 2 decimals: what goes on the wire. */
    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** {@code yuan(fen)} in one step, for entities that keep fen. */
    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    public Money plus(Money other) {
        return ofFen(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return ofFen(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return ofFen(Math.multiplyExact(fen, factor));
    }

    /** Times a rate or share, rounded half-up to the fen (the one place where money is rounded). */
    public Money times(BigDecimal factor) {
        return ofFen(BigDecimal.valueOf(fen).multiply(factor).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    public Money negate() {
        return ofFen(Math.negateExact(fen));
    }

    public int signum() {
        return Long.signum(fen);
    }

    public boolean isMoreThan(Money other) {
        return fen > other.fen;
    }

    public boolean isLessThan(Money other) {
        return fen < other.fen;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.fen == fen;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fen);
    }

    /**
     * The amount as staff read it on a screen or a printout: {@code ¥1,288.50}, {@code -¥1,000.00} (the yuan sign,
     * thousands grouped, 2 decimals; written the same in zh_CN and en, and the same way as the refusal texts'
     * {@code {n,number,¥#,##0.00}}, so a screen and its refusal show one amount alike).
     */
    public String display() {
        return display(yuan());
    }

    /** {@link #display()} of an amount in yuan as it comes from a service; "" for none. Exact: never rounds. */
    public static String display(BigDecimal yuan) {
        if (yuan == null) {
            return "";
        }
        BigDecimal two = yuan.setScale(2, RoundingMode.UNNECESSARY);
        return (two.signum() < 0 ? "-¥" : "¥") + String.format(java.util.Locale.ROOT, "%,.2f", two.abs());
    }

    /** The yuan with 2 decimals, e.g. {@code 128.50} (no currency: the platform has one). */
    @Override
    public String toString() {
        return yuan().toPlainString();
    }
}
