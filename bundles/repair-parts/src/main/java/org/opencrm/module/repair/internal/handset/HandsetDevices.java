package org.opencrm.module.repair.internal.handset;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.opencrm.module.handset.api.HandsetInfo;
import org.opencrm.module.handset.api.HandsetRegistry;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.api.WarrantyService;
import org.opencrm.module.repair.internal.service.DeviceRegistry;
import org.opencrm.platform.api.security.CrmUser;

/**
 * The only class of the module that touches the handset registry's API: {@link DeviceRegistry} over the registry's
 * services. {@link RegistryLink} creates it (and so loads it) only once both services are there and publishes it for the
 * module's services, which hold it through optional dynamic references; without the registry this class is never
 * loaded, so no NoClassDefFoundError can arise.
 */
public class HandsetDevices implements DeviceRegistry {
    private final HandsetRegistry registry;
    private final WarrantyService warranty;

    public HandsetDevices(HandsetRegistry registry, WarrantyService warranty) {
        this.registry = registry;
        this.warranty = warranty;
    }

    /** The registry's two service objects, as a service tracker that cannot name their types hands them over. */
    static DeviceRegistry of(Object registry, Object warranty) {
        return new HandsetDevices((HandsetRegistry) registry, (WarrantyService) warranty);
    }

    @Override
    public Optional<Device> find(String imei, String serialNumber) {
        Optional<HandsetInfo> unit = imei == null ? Optional.empty() : registry.findByImei(imei);
        if (unit.isEmpty() && serialNumber != null) {
            unit = registry.findBySerialNumber(serialNumber);
        }
        return unit.map(h -> new Device(h.imei(), h.serialNumber(), h.modelCode(), h.status().name(), h.ownerContactId()));
    }

    @Override
    public Warranty warranty(String imei, LocalDate date) {
        WarrantyCheck c = warranty.check(imei, date, null);
        return new Warranty(c.inWarranty(), c.reason() == null ? null : c.reason().name(), c.until());
    }

    @Override
    public void markInRepair(CrmUser actor, String imei, String note) {
        registry.markInRepair(actor, imei, note);
    }

    @Override
    public void repairCompleted(CrmUser actor, String imei, String note) {
        registry.repairCompleted(actor, imei, note);
    }

    @Override
    public Map<String, Long> unitsSoldByModel(LocalDate from, LocalDate to) {
        return registry.unitsSoldByModel(from, to);
    }
}
