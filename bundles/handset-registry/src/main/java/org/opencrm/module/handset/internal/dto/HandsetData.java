package org.opencrm.module.handset.internal.dto;

import java.time.Instant;
import java.time.LocalDate;

import org.opencrm.module.handset.api.HandsetStatus;

/**
 * A unit as shown in lists and on its page. Owner, store and warranty dates come from the current card; {@code card}
 * is the full current card on single-unit answers and null in lists. {@code channelAccountId}: the channel partner the
 * unit was shipped to (sell-in, with when and the shipping document), null when it never left through the channel.
 */
public record HandsetData(Long id, String imei, String imei2, String serialNumber, Long modelId, String modelCode, String modelName,
        String scrambleCode, String batch, HandsetStatus status, Long ownerContactId, Long storeAccountId, LocalDate saleDate,
        LocalDate warrantyStart, LocalDate warrantyUntil, CardData card, Instant registeredAt, String registeredBy, Instant updatedAt,
        String updatedBy, Long version, Long channelAccountId, Instant channelShippedAt, String channelReference) {
}
