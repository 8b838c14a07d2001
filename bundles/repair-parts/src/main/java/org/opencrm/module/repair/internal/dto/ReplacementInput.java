package org.opencrm.module.repair.internal.dto;

/** A request to fit a part in a repair (default quantity 1), with the serial of the faulty part the centre takes out. */
public record ReplacementInput(String partNumber, Integer quantity, String note, String removedSerial) {
}
