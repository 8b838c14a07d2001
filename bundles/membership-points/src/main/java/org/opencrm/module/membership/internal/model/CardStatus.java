package org.opencrm.module.membership.internal.model;

/**
 * ISSUED → ACTIVE → LOST → (REPLACED | ACTIVE when found) and any but REPLACED → CANCELLED. Only ACTIVE cards can be
 * used; LOST blocks use at once; REPLACED and CANCELLED numbers are dead.
 */
public enum CardStatus {
    ISSUED, ACTIVE, LOST, REPLACED, CANCELLED
}
