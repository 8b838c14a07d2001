package org.opencrm.module.handset.internal.dto;

import java.time.Instant;
import java.time.LocalDate;

import org.opencrm.module.handset.api.HandsetStatus;

/**
 * A unit as shown in lists and on its page. Owner, store and warranty dates come from the current card; {@code card}
 * is the full current card on single-unit answers and null in lists.
 */
public record HandsetData(Long id, String imei, String imei2, String serialNumber, Long modelId, String modelCode, String modelName,
        String scrambleCode, String batch, HandsetStatus status, Long ownerContactId, Long storeAccountId, LocalDate saleDate,
        LocalDate warrantyStart, LocalDate warrantyUntil, CardData card, Instant registeredAt, String registeredBy, Instant updatedAt,
        String updatedBy, Long version) {
}
