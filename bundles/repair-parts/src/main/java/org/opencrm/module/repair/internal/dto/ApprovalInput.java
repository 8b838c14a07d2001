package org.opencrm.module.repair.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/** Approval of a replacement: the serial of the part taken out (required), the serial of the one fitted. */
@ApiSchema(required = { "removedSerial" })
public record ApprovalInput(String removedSerial, String fittedSerial, String note) {
}
