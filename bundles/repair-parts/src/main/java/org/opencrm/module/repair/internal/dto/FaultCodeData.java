package org.opencrm.module.repair.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/** An entry of the fault-code catalogue (also the input to add or change one). */
@ApiSchema(required = { "code", "description" })
public record FaultCodeData(String code, String description, Boolean active) {
}
