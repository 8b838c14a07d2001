package org.opencrm.module.repair.internal.model;

/**
 * One line of the stock ledger. RECEIPT (+, goods in from a supplier), ISSUE (−, fitted in a repair), TRANSFER_OUT
 * (−) and TRANSFER_IN (+) (the two legs of a move between warehouses, with one transfer id), RETURN (+, an unused part
 * back on the shelf), ADJUSTMENT (±, a count, with a reason).
 */
public enum MovementKind {
    RECEIPT, ISSUE, TRANSFER_OUT, TRANSFER_IN, RETURN, ADJUSTMENT
}
