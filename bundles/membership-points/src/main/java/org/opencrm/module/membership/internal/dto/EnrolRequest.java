package org.opencrm.module.membership.internal.dto;

import java.time.LocalDate;

/**
 * Enrol a member: an existing contact ({@code contactId}) or a new one created in the join store from {@code name}
 * and {@code mobile}; optionally the first card ({@code cardKind}, default none).
 */
public record EnrolRequest(Long contactId, String name, String mobile, Long joinStoreAccountId, LocalDate birthday, String cardKind,
        Integer discountPercent) {
}
