package org.opencrm.module.repair.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/**
 * Approval of a replacement: the serial of the part taken out (needed unless the centre gave it with its request,
 * which is where it belongs: only the centre has the part in hand), the serial of the one fitted.
 */
@ApiSchema(required = {})
public record ApprovalInput(String removedSerial, String fittedSerial, String note) {
}
