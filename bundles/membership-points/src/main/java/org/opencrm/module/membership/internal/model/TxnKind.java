package org.opencrm.module.membership.internal.model;

/** What a client request did: points (EARN, REDEEM, ADJUST, EXPIRE) or stored value (TOP_UP, SPEND, REFUND). */
public enum TxnKind {
    EARN, REDEEM, ADJUST, EXPIRE, TOP_UP, SPEND, REFUND
}
