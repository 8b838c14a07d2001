package org.opencrm.module.handset.api;

import java.time.LocalDate;

/**
 * The answer to "is this unit (or its accessory) in warranty on this date?". {@code from} and {@code until} are the
 * first and the last day covered (both inclusive) when a warranty card exists, else null; {@code reason} is null
 * exactly when {@code inWarranty}. {@code accessory} is null when the handset itself was asked about.
 */
public record WarrantyCheck(String imei, LocalDate date, AccessoryType accessory, boolean inWarranty, LocalDate from,
        LocalDate until, NoWarrantyReason reason, HandsetStatus status, String modelCode) {
}
