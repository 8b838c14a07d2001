package org.opencrm.module.repair.internal.dto;

/** The two legs of a transfer. */
public record TransferData(String transferId, MovementData out, MovementData in) {
}
