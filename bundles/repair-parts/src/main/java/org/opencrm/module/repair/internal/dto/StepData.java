package org.opencrm.module.repair.internal.dto;

import java.time.Instant;

/** One step of a repair order: from which status to which, when, by whom. */
public record StepData(String fromStatus, String status, Instant at, String actor, String note) {
}
