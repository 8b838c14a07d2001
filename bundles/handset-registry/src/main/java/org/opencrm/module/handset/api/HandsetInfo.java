package org.opencrm.module.handset.api;

import java.time.LocalDate;

/**
 * A registered unit as other modules see it. Owner, store and dates come from the current warranty card and are
 * null while the unit has none. {@code warrantyUntil} is the last day covered (inclusive).
 */
public record HandsetInfo(long id, String imei, String imei2, String serialNumber, String modelCode, String modelName,
        HandsetStatus status, Long ownerContactId, Long storeAccountId, LocalDate saleDate, LocalDate warrantyStart,
        LocalDate warrantyUntil) {
}
