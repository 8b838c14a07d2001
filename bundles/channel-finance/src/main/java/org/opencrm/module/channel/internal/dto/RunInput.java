package org.opencrm.module.channel.internal.dto;

import java.time.LocalDate;

/** Compute a programme for the period that starts on periodStart (the first day of a month, quarter or year). */
public record RunInput(Long programmeId, LocalDate periodStart) {
}
