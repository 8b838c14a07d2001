package org.opencrm.module.repair.internal.model;

/** Who decided the warranty of a repair: the handset registry, or the clerk (registry absent or unit unknown to it). */
public enum WarrantySource {
    REGISTRY, CLERK,
    /** Out of warranty because of the device's condition at the counter (physical or liquid damage), whatever the registry or clerk said. */
    CONDITION
}
