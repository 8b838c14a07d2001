package org.opencrm.module.repair.internal.model;

/** An out-of-warranty quote: NONE until quoted, then PENDING until the customer ACCEPTED or DECLINED it. */
public enum QuoteStatus {
    NONE, PENDING, ACCEPTED, DECLINED
}
