package org.opencrm.module.handset.api;

/** Why a unit (or one of its accessories) is not in warranty on the asked date. */
public enum NoWarrantyReason {
    /** No unit with this IMEI is registered. */
    NOT_REGISTERED,
    /** The unit has no warranty card (still in stock), or the date lies before its warranty started. */
    NOT_SOLD,
    /** The date lies after the last day of the warranty. */
    EXPIRED,
    /** The sale was undone: the unit was returned. */
    RETURNED,
    /** The unit was exchanged for another one, which carries the warranty now. */
    EXCHANGED,
    SCRAPPED,
    /** The warranty card lists no accessory of the asked type. */
    ACCESSORY_NOT_REGISTERED
}
