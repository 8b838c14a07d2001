package org.opencrm.platform.core.internal.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.opencrm.platform.core.internal.model.ContactStatus;
import org.opencrm.platform.core.internal.model.Gender;
import org.opencrm.platform.rest.ApiSchema;

/**
 * A contact as the API reads and writes it. id, status MERGED, timestamps and the audit fields are read-only.
 * {@code divisionCode} is the GB/T 2260 code of the most specific of province, city and district: given, it sets the
 * three names (names that differ are refused); left out, it is found from the names when they are the divisions' own.
 */
@ApiSchema(required = { "name" }, description = "A contact. divisionCode: the GB/T 2260 code of the most specific of province, city and district; "
        + "given, it sets the three names (names that differ are refused with 400); left out, it is found from the names when they are the divisions' own.")
public record ContactData(Long id, String name, String mobile, List<String> otherPhones, String email, Gender gender,
        LocalDate birthday, String province, String city, String district, String divisionCode, String street, List<String> tags,
        ContactStatus status, String owner, Long accountId, Long householdId, Long mergedIntoId, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy, Long version) {
}
