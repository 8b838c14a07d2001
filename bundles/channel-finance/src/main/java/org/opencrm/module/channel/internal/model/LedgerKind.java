package org.opencrm.module.channel.internal.model;

/** What a ledger entry records: an invoice adds to the balance, the others reduce it. */
public enum LedgerKind {
    INVOICE, PAYMENT, CREDIT_NOTE, WRITE_OFF
}
