package org.opencrm.module.repair.internal.dto;

/** The diagnosis that moves a received order to DIAGNOSED: fault code from the catalogue (required), cause, faulty part number, technician. */
public record Diagnosis(String faultCode, String cause, String faultyPartNumber, String technician, String note) {
}
