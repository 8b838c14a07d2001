package org.opencrm.module.repair.internal.dto;

/** One defective part: the repair order it came from, the part number, its serial, the replacement that took it out. */
public record ReturnLineInput(Long repairOrderId, String partNumber, String serial, Long replacementId) {
}
