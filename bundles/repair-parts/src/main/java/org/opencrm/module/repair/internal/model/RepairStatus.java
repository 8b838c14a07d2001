package org.opencrm.module.repair.internal.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The steps of a repair order and the only moves between them:
 * RECEIVED → DIAGNOSED → WAITING_FOR_PARTS ⇄ REPAIRING → QUALITY_CHECK → READY → RETURNED; DIAGNOSED → REPAIRING
 * (parts at hand) or READY (nothing to repair, or the quote was declined); a failed quality check goes back to
 * REPAIRING; RECEIVED, DIAGNOSED and WAITING_FOR_PARTS may end CANCELLED (the device goes back to the customer).
 */
public enum RepairStatus {
    RECEIVED, DIAGNOSED, WAITING_FOR_PARTS, REPAIRING, QUALITY_CHECK, READY, RETURNED, CANCELLED;

    public Set<RepairStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(DIAGNOSED, CANCELLED);
            case DIAGNOSED -> EnumSet.of(WAITING_FOR_PARTS, REPAIRING, READY, CANCELLED);
            case WAITING_FOR_PARTS -> EnumSet.of(REPAIRING, CANCELLED);
            case REPAIRING -> EnumSet.of(WAITING_FOR_PARTS, QUALITY_CHECK);
            case QUALITY_CHECK -> EnumSet.of(READY, REPAIRING);
            case READY -> EnumSet.of(RETURNED);
            case RETURNED, CANCELLED -> EnumSet.noneOf(RepairStatus.class);
        };
    }

    public boolean canMoveTo(RepairStatus target) {
        return next().contains(target);
    }

    /** The device is back with its owner (or the order is void). */
    public boolean isFinal() {
        return this == RETURNED || this == CANCELLED;
    }
}
