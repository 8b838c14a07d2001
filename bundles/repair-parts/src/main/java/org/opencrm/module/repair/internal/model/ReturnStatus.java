package org.opencrm.module.repair.internal.model;

/** A shipment of defective parts to HQ: SHIPPED → RECEIVED (inspected at HQ). */
public enum ReturnStatus {
    SHIPPED, RECEIVED
}
