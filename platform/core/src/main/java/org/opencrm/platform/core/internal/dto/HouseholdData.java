package org.opencrm.platform.core.internal.dto;

import java.util.List;

public record HouseholdData(Long id, String name, List<ContactData> members) {
}
