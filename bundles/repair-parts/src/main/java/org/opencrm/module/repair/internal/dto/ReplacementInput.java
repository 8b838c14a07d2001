package org.opencrm.module.repair.internal.dto;

/** A request to fit a part in a repair (default quantity 1). */
public record ReplacementInput(String partNumber, Integer quantity, String note) {
}
