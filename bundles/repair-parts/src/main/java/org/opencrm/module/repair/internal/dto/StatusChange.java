package org.opencrm.module.repair.internal.dto;

import org.opencrm.module.repair.internal.model.RepairStatus;

/** A move of a repair order to the next step, with a note. */
public record StatusChange(RepairStatus status, String note) {
}
