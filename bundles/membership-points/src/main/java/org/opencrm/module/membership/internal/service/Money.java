package org.opencrm.module.membership.internal.service;

import java.math.BigDecimal;

import org.opencrm.platform.api.InvalidInputException;

/** CNY amounts: decimals with at most 2 places on the wire, long fen inside. Never double. */
public final class Money {
    /** 100 million yuan: more than any single till transaction. */
    public static final long MAX_FEN = 10_000_000_000L;

    private Money() {
    }

    public static long toFen(String field, BigDecimal amount) {
        if (amount == null) {
            throw new InvalidInputException(field, field + " is required (CNY, e.g. 128.50)");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, field + " " + amount.toPlainString() + " has more than 2 decimal places");
        }
        if (amount.signum() <= 0) {
            throw new InvalidInputException(field, field + " must be more than 0");
        }
        BigDecimal fen = amount.movePointRight(2);
        if (fen.compareTo(BigDecimal.valueOf(MAX_FEN)) > 0) {
            throw new InvalidInputException(field, field + " " + amount.toPlainString() + " is too large");
        }
        return fen.longValueExact();
    }

    static long parseFen(String field, String text) {
        try {
            BigDecimal v = new BigDecimal(text);
            return v.signum() == 0 ? 0 : toFen(field, v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "'" + text + "' is not an amount");
        }
    }

    public static BigDecimal toYuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
