package org.opencrm.module.repair.internal.model;

/** A part replacement request: PENDING → APPROVED (the part was issued) or REJECTED (with a reason). */
public enum ReplacementStatus {
    PENDING, APPROVED, REJECTED
}
