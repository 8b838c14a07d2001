package org.opencrm.module.repair.internal.dto;

/** Repairs of one model with one fault code and one faulty part in the period. */
public record FaultRow(String modelCode, String faultCode, String partNumber, long repairs) {
}
