package org.opencrm.module.repair.internal.dto;

import java.time.Instant;
import java.util.List;

/** A repair order with its steps; {@code nextStatuses} are the moves allowed now. */
public record RepairOrderData(long id, String number, Long serviceRequestId, long contactId, long centreAccountId, String imei, String serialNumber, String modelCode,
        String status, List<String> nextStatuses, String technician, String symptom, String faultCode, String cause, String faultyPartNumber, boolean inWarranty,
        String warrantySource, String warrantyNote, QuoteData quote, Instant receivedAt, String receivedBy, Instant statusAt, String statusBy, long version,
        List<StepData> steps, boolean physicalDamage, boolean liquidDamage, String accessories) {
}
