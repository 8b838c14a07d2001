package org.opencrm.module.handset.internal.dto;

import java.time.LocalDate;
import java.util.List;

import org.opencrm.module.handset.internal.model.CaptureChannel;

/**
 * POST /handsets/{imei}/sale: the warranty card. {@code contactId} is the owner (a core contact); {@code storeAccountId}
 * must be inside the caller's data scope; {@code saleDate} defaults to today and may not be in the future.
 */
public record SaleRequest(Long contactId, Long retailerAccountId, Long storeAccountId, String invoiceNumber, LocalDate saleDate,
        CaptureChannel channel, List<AccessoryData> accessories, String note) {
}
