package org.opencrm.module.handset.api;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Warranty facts by IMEI, for every module that serves customers with a device in hand (repair desk, hotline).
 * Not scoped by store: a service centre must be able to check any unit a customer brings in.
 */
@ProviderType
public interface WarrantyService {
    /**
     * Whether the unit with this IMEI (either slot of a dual-SIM unit) is in warranty on {@code date} (null: today in
     * the business time zone), for the handset itself or, when {@code accessory} is given, for that accessory on its
     * warranty card. The current state decides RETURNED / EXCHANGED / SCRAPPED whatever the date.
     *
     * @throws org.opencrm.platform.api.InvalidInputException (field "imei") when the IMEI is not 15 digits with a valid check digit
     */
    WarrantyCheck check(String imei, LocalDate date, AccessoryType accessory);
}
