package org.opencrm.module.repair.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/** A device received at a service centre. {@code inWarranty} is required when the handset registry cannot decide (absent, or the unit unknown to it); else the registry decides and the clerk's value is ignored. */
@ApiSchema(required = { "centreAccountId", "symptom" })
public record NewRepairOrder(Long serviceRequestId, Long contactId, Long centreAccountId, String imei, String serialNumber, String modelCode, String symptom, Boolean inWarranty,
        String warrantyNote, String technician) {
}
