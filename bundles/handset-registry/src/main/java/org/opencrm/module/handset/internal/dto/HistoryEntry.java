package org.opencrm.module.handset.internal.dto;

import java.time.Instant;

import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.internal.model.EventType;

/** One row of a unit's history, oldest first. */
public record HistoryEntry(Long id, Instant occurredAt, String actor, EventType type, HandsetStatus fromStatus, HandsetStatus toStatus,
        Long contactId, Long previousContactId, Long saleId, Long relatedHandsetId, String relatedImei, String note, String overrideReason) {
}
