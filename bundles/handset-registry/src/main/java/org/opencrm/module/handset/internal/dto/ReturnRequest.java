package org.opencrm.module.handset.internal.dto;

import java.time.LocalDate;

/**
 * POST /handsets/{imei}/return. {@code date} defaults to today. Outside the return window the request is refused
 * unless the caller has handset.override and gives {@code overrideReason}.
 */
public record ReturnRequest(LocalDate date, String note, String overrideReason) {
}
