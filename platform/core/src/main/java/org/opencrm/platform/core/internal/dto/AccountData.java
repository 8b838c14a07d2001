package org.opencrm.platform.core.internal.dto;

import java.time.Instant;

import org.opencrm.platform.core.internal.model.AccountType;
import org.opencrm.platform.rest.ApiSchema;

/**
 * An account as the API reads and writes it. {@code divisionCode} is the GB/T 2260 code of the most specific of province,
 * city and district: given, it sets the three names (names that differ are refused); left out, it is found from the
 * names when they are the divisions' own.
 */
@ApiSchema(required = { "name", "type" }, description = "An account. divisionCode: the GB/T 2260 code of the most specific of province, city and district; "
        + "given, it sets the three names (names that differ are refused with 400); left out, it is found from the names when they are the divisions' own.")
public record AccountData(Long id, String name, AccountType type, Long parentId, String region, String province,
        String city, String district, String divisionCode, String address, String phone, String status, String owner, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy, Long version) {
}
