package org.opencrm.module.repair.spi;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.opencrm.platform.api.security.CrmUser;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the repair module needs of a registry of devices (the handset registry), in the module's own types. A bridge
 * bundle registers it while both modules are there (the handset registry's: module-repair-parts-handset, installed by
 * the crm-repair-parts feature on the condition crm-handset-registry); the module's services hold it through an
 * optional dynamic reference and work without it (the clerk states the warranty).
 */
@ConsumerType
public interface DeviceRegistry {
    /** A unit the registry knows; {@code status} is the registry's HandsetStatus name. */
    record Device(String imei, String serialNumber, String modelCode, String status, Long ownerContactId) {
    }

    /** The registry's warranty verdict on a date; {@code reason} says why not (e.g. EXPIRED), null when in warranty. */
    record Warranty(boolean inWarranty, String reason, LocalDate until) {
    }

    /** The unit by IMEI, else by serial number. */
    Optional<Device> find(String imei, String serialNumber);

    Warranty warranty(String imei, LocalDate date);

    /** SOLD → IN_REPAIR in the registry, recorded with the actor. */
    void markInRepair(CrmUser actor, String imei, String note);

    /** IN_REPAIR → SOLD: back with its owner. */
    void repairCompleted(CrmUser actor, String imei, String note);

    /** Units sold per model code with a sale date in [from, to] (either may be null: open). */
    Map<String, Long> unitsSoldByModel(LocalDate from, LocalDate to);
}
