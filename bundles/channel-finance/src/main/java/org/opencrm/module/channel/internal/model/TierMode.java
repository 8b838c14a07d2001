package org.opencrm.module.channel.internal.model;

/** WHOLE: the reached tier's rate applies to the whole net sell-in; MARGINAL: each tier's rate applies only to the part above its threshold. */
public enum TierMode {
    WHOLE, MARGINAL
}
