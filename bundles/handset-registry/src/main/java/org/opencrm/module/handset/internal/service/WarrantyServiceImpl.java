package org.opencrm.module.handset.internal.service;

import java.time.LocalDate;

import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.api.WarrantyService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The exported warranty API. */
@Component(service = WarrantyService.class)
public class WarrantyServiceImpl implements WarrantyService {
    private final HandsetService handsets;

    @Activate
    public WarrantyServiceImpl(@Reference HandsetService handsets) {
        this.handsets = handsets;
    }

    @Override
    public WarrantyCheck check(String imei, LocalDate date, AccessoryType accessory) {
        return handsets.warranty(imei, date, accessory);
    }
}
