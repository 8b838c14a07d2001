package org.opencrm.module.handset.api;

/** Accessories with a warranty period of their own under the "three guarantees" rules (三包). */
public enum AccessoryType {
    BATTERY, CHARGER, WIRED_HEADSET
}
