package org.opencrm.module.repair.internal.dto;

import org.opencrm.platform.rest.ApiSchema;

/**
 * A device received at a service centre. {@code inWarranty} is required when the handset registry cannot decide
 * (absent, or the unit unknown to it); else the registry decides and the clerk's value is ignored. The device's
 * condition at the counter: {@code physicalDamage} (cracked, bent, opened) and {@code liquidDamage} (water indicator)
 * void the warranty (三包 does not cover them); {@code accessories} lists what the customer handed in with it.
 */
@ApiSchema(required = { "centreAccountId", "symptom" })
public record NewRepairOrder(Long serviceRequestId, Long contactId, Long centreAccountId, String imei, String serialNumber, String modelCode, String symptom, Boolean inWarranty,
        String warrantyNote, String technician, Boolean physicalDamage, Boolean liquidDamage, String accessories) {
}
