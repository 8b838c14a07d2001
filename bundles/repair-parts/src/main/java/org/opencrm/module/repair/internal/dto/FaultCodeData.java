package org.opencrm.module.repair.internal.dto;

/** An entry of the fault-code catalogue (also the input to add or change one). */
public record FaultCodeData(String code, String description, Boolean active) {
}
