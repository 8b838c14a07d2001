package org.opencrm.module.membership.internal.model;

/** ACTIVE members earn, redeem and spend; SUSPENDED ones are blocked until reactivated; CLOSED is final. */
public enum MemberStatus {
    ACTIVE, SUSPENDED, CLOSED
}
