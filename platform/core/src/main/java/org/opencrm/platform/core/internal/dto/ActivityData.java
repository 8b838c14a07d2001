package org.opencrm.platform.core.internal.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.opencrm.platform.rest.ApiSchema;

/**
 * An activity as the API reads and writes it. {@code moduleId}, {@code subjectKey} and {@code subjectArgs} are read-only:
 * an activity a module recorded keeps its subject as that module's text and values (the REST API and the web shell say
 * it in the reader's language; {@code subject} is then the stored English words unless said).
 */
@ApiSchema(required = { "type", "subject" })
public record ActivityData(Long id, String type, String subject, String description, LocalDate dueDate, String status,
        String owner, Long contactId, Long accountId, Instant createdAt, String createdBy, Instant completedAt,
        Long version, String moduleId, String subjectKey, List<String> subjectArgs) {

    public ActivityData {
        subjectArgs = subjectArgs == null ? List.of() : List.copyOf(subjectArgs);
    }

    /** An activity as a user enters it (no module's wording). */
    public ActivityData(Long id, String type, String subject, String description, LocalDate dueDate, String status, String owner, Long contactId,
            Long accountId, Instant createdAt, String createdBy, Instant completedAt, Long version) {
        this(id, type, subject, description, dueDate, status, owner, contactId, accountId, createdAt, createdBy, completedAt, version, null, null, null);
    }

    /** This activity with its subject in other words (the key and values kept). */
    public ActivityData withSubject(String said) {
        return new ActivityData(id, type, said, description, dueDate, status, owner, contactId, accountId, createdAt, createdBy, completedAt, version,
                moduleId, subjectKey, subjectArgs);
    }
}
