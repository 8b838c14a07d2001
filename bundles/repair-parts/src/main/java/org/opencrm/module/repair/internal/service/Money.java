package org.opencrm.module.repair.internal.service;

import java.math.BigDecimal;

import org.opencrm.platform.api.InvalidInputException;

/** CNY on the wire as decimals with at most two places, long fen in the tables; never a double. */
public final class Money {
    public static final String CURRENCY = "CNY";
    /** 10 million yuan: more than any part, quote or labour charge. */
    static final long LIMIT_FEN = 1_000_000_000L;

    private Money() {
    }

    /** The amount in fen; 0 allowed (a free part, no labour), negative and more than 2 decimals refused naming the field. */
    public static long fen(String field, BigDecimal yuan) {
        if (yuan == null) {
            throw new InvalidInputException(field, field + " is required (CNY, e.g. 128.50)", "required");
        }
        BigDecimal f = yuan.movePointRight(2);
        if (f.stripTrailingZeros().scale() > 0 || yuan.signum() < 0 || f.compareTo(BigDecimal.valueOf(LIMIT_FEN)) > 0) {
            throw new InvalidInputException(field, field + " must be an amount from 0 to " + LIMIT_FEN / 100 + " CNY with at most 2 decimals, not "
                    + yuan.toPlainString());
        }
        return f.longValueExact();
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
