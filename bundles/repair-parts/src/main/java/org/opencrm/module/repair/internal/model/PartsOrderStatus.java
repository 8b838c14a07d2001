package org.opencrm.module.repair.internal.model;

/**
 * A centre's parts order: SUBMITTED → APPROVED → SHIPPED (everything sent) or PARTIALLY_SHIPPED (a backorder is
 * left; shipped again when stock arrives) → RECEIVED (everything ordered arrived); SUBMITTED → REJECTED;
 * SUBMITTED or APPROVED → CANCELLED.
 */
public enum PartsOrderStatus {
    SUBMITTED, APPROVED, PARTIALLY_SHIPPED, SHIPPED, RECEIVED, REJECTED, CANCELLED
}
