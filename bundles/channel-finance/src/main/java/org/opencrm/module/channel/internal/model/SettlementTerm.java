package org.opencrm.module.channel.internal.model;

/**
 * A partner's settlement term (结算方式) and the days from invoice to due date it means: 预付 prepaid and 货到付款 cash on
 * delivery are due on the invoice date; 月结 30, 季结 90, 半年结 180, 年结 365 days.
 */
public enum SettlementTerm {
    PREPAID(0), CASH_ON_DELIVERY(0), MONTHLY(30), QUARTERLY(90), HALF_YEARLY(180), YEARLY(365);

    private final int days;

    SettlementTerm(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }
}
