package org.opencrm.module.channel.internal.model;

/** Why a credit note was issued: goods returned (reduces net sell-in), a settled rebate, or a price adjustment. */
public enum CreditNoteReason {
    RETURN, REBATE, ADJUSTMENT
}
