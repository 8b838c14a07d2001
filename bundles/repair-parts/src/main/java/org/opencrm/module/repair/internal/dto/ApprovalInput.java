package org.opencrm.module.repair.internal.dto;

/** Approval of a replacement: the serial of the part taken out (required), the serial of the one fitted. */
public record ApprovalInput(String removedSerial, String fittedSerial, String note) {
}
