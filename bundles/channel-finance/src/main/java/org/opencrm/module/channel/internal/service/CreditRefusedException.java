package org.opencrm.module.channel.internal.service;

import java.math.BigDecimal;

import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.money.Money;

/**
 * 409: the credit check refused an order (nothing was written). The REST answer adds the limit, the exposure (with
 * the order) and the shortfall (how much the exposure is over the limit; 0 when the refusal is for a hold or an
 * overdue invoice) to the error body. Its message arguments are the limit, the exposure and the shortfall (in yuan), then
 * the detail: the credit status as its catalogue key ({@code status.ON_HOLD}) or the days the oldest invoice is overdue.
 */
public class CreditRefusedException extends ConflictException {
    private static final long serialVersionUID = 1L;
    /** Message keys: over the limit, partner on hold or blacklisted, an invoice overdue too long. */
    public static final String KEY_LIMIT = "channel.credit.overLimit";
    public static final String KEY_HOLD = "channel.credit.onHold";
    public static final String KEY_OVERDUE = "channel.credit.overdue";
    private final long limitFen;
    private final long exposureFen;

    public CreditRefusedException(String code, String message, String key, long limitFen, long exposureFen, Object detail) {
        super(code, "lines", message, key, Money.yuan(limitFen), Money.yuan(exposureFen), Money.yuan(Math.max(0, exposureFen - limitFen)), detail);
        this.limitFen = limitFen;
        this.exposureFen = exposureFen;
    }

    public BigDecimal limit() {
        return Money.yuan(limitFen);
    }

    public BigDecimal exposure() {
        return Money.yuan(exposureFen);
    }

    public BigDecimal shortfall() {
        return Money.yuan(Math.max(0, exposureFen - limitFen));
    }
}
