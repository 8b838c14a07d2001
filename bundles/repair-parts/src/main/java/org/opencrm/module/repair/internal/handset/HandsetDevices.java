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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The only class of the module that touches the handset registry's API. Its references are mandatory, so SCR loads
 * and activates it only while the registry's services are there, and it publishes {@link DeviceRegistry} for the
 * module's services to hold through optional dynamic references. Without the registry this class is never loaded, so
 * no NoClassDefFoundError can arise; when the registry is disabled the component and its service go away.
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
