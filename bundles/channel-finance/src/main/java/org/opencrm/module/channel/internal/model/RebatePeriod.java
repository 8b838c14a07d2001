package org.opencrm.module.channel.internal.model;

/** How often a rebate programme is computed. */
public enum RebatePeriod {
    MONTHLY, QUARTERLY, YEARLY
}
