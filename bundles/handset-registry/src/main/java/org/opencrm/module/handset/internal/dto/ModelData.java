package org.opencrm.module.handset.internal.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.opencrm.platform.rest.ApiSchema;

/**
 * A catalogue model, in and out. The *Months fields are per-model overrides (null: the configured default); the
 * effective values are in {@code effective} on output (ignored on input). {@code version} is required on update.
 */
@ApiSchema(required = { "name" })
public record ModelData(Long id, String code, String name, String licenceNumber, LocalDate launchDate, Integer handsetMonths,
        Integer batteryMonths, Integer chargerMonths, Integer headsetMonths, WarrantyMonths effective, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy, Long version) {

    /** Warranty months that apply to a model: its overrides, else the defaults. */
    public record WarrantyMonths(int handset, int battery, int charger, int wiredHeadset) {
    }
}
