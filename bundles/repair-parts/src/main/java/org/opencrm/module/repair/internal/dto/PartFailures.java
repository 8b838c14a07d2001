package org.opencrm.module.repair.internal.dto;

/** How often a part was found faulty in the period. */
public record PartFailures(String partNumber, String partName, long failures) {
}
