package org.opencrm.module.repair.internal.dto;

/** A defective part of a return. */
public record ReturnLineData(long repairOrderId, long partId, String partNumber, String serial, Long replacementId) {
}
