package org.opencrm.platform.core.internal.dto;

import java.time.Instant;

import org.opencrm.platform.core.internal.model.AccountType;
import org.opencrm.platform.rest.ApiSchema;

/** An account as the API reads and writes it. */
@ApiSchema(required = { "name", "type" })
public record AccountData(Long id, String name, AccountType type, Long parentId, String region, String province,
        String city, String address, String phone, String status, String owner, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy, Long version) {
}
