package org.opencrm.module.channel.internal.model;

/** How a partner paid (银行转账, 现金, 承兑汇票). */
public enum PaymentMethod {
    BANK_TRANSFER, CASH, ACCEPTANCE_BILL
}
