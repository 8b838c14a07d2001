package org.opencrm.module.repair.internal.model;

/** OPEN → IN_REPAIR (a repair order was received for it) → CLOSED; OPEN or IN_REPAIR → CANCELLED. */
public enum RequestStatus {
    OPEN, IN_REPAIR, CLOSED, CANCELLED;

    public boolean isOpen() {
        return this == OPEN || this == IN_REPAIR;
    }
}
