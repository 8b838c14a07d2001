package org.opencrm.module.channel.internal.model;

/** A partner's credit status: only NORMAL partners pass the credit check. */
public enum CreditStatus {
    NORMAL, ON_HOLD, BLACKLISTED
}
