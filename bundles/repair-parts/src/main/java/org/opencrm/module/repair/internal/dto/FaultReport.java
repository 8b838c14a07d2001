package org.opencrm.module.repair.internal.dto;

import java.time.LocalDate;
import java.util.List;

/** Fault analytics of a period (from and to inclusive, by the day the device was received), within the caller's data scope. */
public record FaultReport(LocalDate from, LocalDate to, List<FaultRow> faults, List<PartFailures> topParts, List<RepairRate> repairRates, boolean registryPresent) {
}
