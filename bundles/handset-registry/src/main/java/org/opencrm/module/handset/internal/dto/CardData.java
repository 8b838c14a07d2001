package org.opencrm.module.handset.internal.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.opencrm.module.handset.internal.model.CaptureChannel;
import org.opencrm.module.handset.internal.model.SaleStatus;
import org.opencrm.platform.rest.ApiSchema;

/** A warranty card as shown. Dates: warrantyStart and warrantyUntil are the first and last day covered. */
@ApiSchema(name = "WarrantyCardData")
public record CardData(Long id, Long contactId, Long retailerAccountId, Long storeAccountId, String invoiceNumber, LocalDate saleDate,
        LocalDate warrantyStart, LocalDate warrantyUntil, CaptureChannel channel, SaleStatus status, LocalDate closedOn,
        Long previousSaleId, List<AccessoryData> accessories, Instant createdAt, String createdBy) {
}
