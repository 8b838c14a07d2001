package org.opencrm.module.membership.internal.service;

import java.math.BigDecimal;

import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.money.Money;

/** 409: not enough points or stored value; carries the balance so the till can show it. Nothing was written. */
public class InsufficientBalanceException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final long points;
    private final BigDecimal value;

    private InsufficientBalanceException(String code, String field, String message, long points, BigDecimal value, Object... args) {
        super(code, field, message, "membership." + code, args);
        this.points = points;
        this.value = value;
    }

    public static InsufficientBalanceException points(long balance, long wanted) {
        return new InsufficientBalanceException("insufficient_points", "points",
                "the member has " + balance + " points; " + wanted + " cannot be taken", balance, null, balance, wanted);
    }

    public static InsufficientBalanceException value(long balanceFen, long wantedFen) {
        return new InsufficientBalanceException("insufficient_value", "amount", "the stored value is " + Money.yuan(balanceFen).toPlainString()
                + " CNY; " + Money.yuan(wantedFen).toPlainString() + " cannot be spent", 0, Money.yuan(balanceFen), Money.yuan(balanceFen).toPlainString(),
                Money.yuan(wantedFen).toPlainString());
    }

    /** The points balance (for insufficient_points). */
    public long pointsBalance() {
        return points;
    }

    /** The stored-value balance in CNY (for insufficient_value), else null. */
    public BigDecimal valueBalance() {
        return value;
    }
}
