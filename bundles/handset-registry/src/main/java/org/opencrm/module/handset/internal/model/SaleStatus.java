package org.opencrm.module.handset.internal.model;

/** A warranty card is ACTIVE until the sale is undone by a return or replaced by an exchange. */
public enum SaleStatus {
    ACTIVE, RETURNED, EXCHANGED
}
