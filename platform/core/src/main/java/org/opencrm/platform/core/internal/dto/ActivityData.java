package org.opencrm.platform.core.internal.dto;

import java.time.Instant;
import java.time.LocalDate;

/** An activity as the API reads and writes it. */
public record ActivityData(Long id, String type, String subject, String description, LocalDate dueDate, String status,
        String owner, Long contactId, Long accountId, Instant createdAt, String createdBy, Instant completedAt,
        Long version) {
}
