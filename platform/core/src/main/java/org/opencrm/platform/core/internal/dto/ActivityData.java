package org.opencrm.platform.core.internal.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.opencrm.platform.rest.ApiSchema;

/** An activity as the API reads and writes it. */
@ApiSchema(required = { "type", "subject" })
public record ActivityData(Long id, String type, String subject, String description, LocalDate dueDate, String status,
        String owner, Long contactId, Long accountId, Instant createdAt, String createdBy, Instant completedAt,
        Long version) {
}
