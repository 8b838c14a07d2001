package org.opencrm.module.repair.handset;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.opencrm.module.handset.api.HandsetInfo;
import org.opencrm.module.handset.api.HandsetRegistry;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.api.WarrantyService;
import org.opencrm.module.repair.spi.DeviceRegistry;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The repair module's {@link DeviceRegistry} over the handset registry's services. This bundle exists only while both
 * modules are enabled (the crm-repair-parts feature installs it on the condition crm-handset-registry, and Karaf removes
 * it with either), so it is resolved against the registry bundle that is there and never sees a stale one.
 */
@Component(service = DeviceRegistry.class)
public class HandsetDevices implements DeviceRegistry {
    private final HandsetRegistry registry;
    private final WarrantyService warranty;

    @Activate
    public HandsetDevices(@Reference HandsetRegistry registry, @Reference WarrantyService warranty) {
        this.registry = registry;
        this.warranty = warranty;
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
