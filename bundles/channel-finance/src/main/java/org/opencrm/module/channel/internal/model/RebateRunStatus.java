package org.opencrm.module.channel.internal.model;

/** A rebate run: computed (can be run again), approved (fixed), settled (each partner's rebate issued as a credit note). */
public enum RebateRunStatus {
    COMPUTED, APPROVED, SETTLED
}
