package org.opencrm.module.repair.internal.dto;

import org.opencrm.module.repair.internal.model.RepairStatus;
import org.opencrm.platform.rest.ApiSchema;

/** A move of a repair order to the next step, with a note. */
@ApiSchema(required = { "status" })
public record StatusChange(RepairStatus status, String note) {
}
