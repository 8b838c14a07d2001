package org.opencrm.module.channel.internal.model;

/** A bad-debt write-off: requested by finance, approved (or rejected) by a channel admin. */
public enum WriteOffStatus {
    REQUESTED, APPROVED, REJECTED
}
