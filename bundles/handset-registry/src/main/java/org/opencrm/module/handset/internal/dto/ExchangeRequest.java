package org.opencrm.module.handset.internal.dto;

import java.time.LocalDate;
import java.util.List;

/**
 * POST /handsets/{imei}/exchange: the owner gets the IN_STOCK unit {@code newImei} for the faulty one. {@code accessories}
 * for the new card; null carries the old card's accessories over (their warranty restarts too). A different model,
 * like a date outside the window, needs handset.override and {@code overrideReason}.
 */
public record ExchangeRequest(String newImei, LocalDate date, String note, String overrideReason, List<AccessoryData> accessories) {
}
