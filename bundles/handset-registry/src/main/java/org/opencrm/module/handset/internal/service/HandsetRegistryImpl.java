package org.opencrm.module.handset.internal.service;

import java.util.Optional;

import org.opencrm.module.handset.api.HandsetInfo;
import org.opencrm.module.handset.api.HandsetRegistry;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The exported registry API for other modules (repair). */
@Component(service = HandsetRegistry.class)
public class HandsetRegistryImpl implements HandsetRegistry {
    private final HandsetService handsets;

    @Activate
    public HandsetRegistryImpl(@Reference HandsetService handsets) {
        this.handsets = handsets;
    }

    @Override
    public Optional<HandsetInfo> findByImei(String imei) {
        return imei == null || imei.isBlank() ? Optional.empty() : handsets.info(imei, false);
    }

    @Override
    public Optional<HandsetInfo> findBySerialNumber(String serialNumber) {
        return serialNumber == null || serialNumber.isBlank() ? Optional.empty() : handsets.info(serialNumber, true);
    }

    @Override
    public HandsetInfo markInRepair(CrmUser actor, String imei, String note) {
        return handsets.repairMove(actor, imei, HandsetStatus.IN_REPAIR, note);
    }

    @Override
    public HandsetInfo repairCompleted(CrmUser actor, String imei, String note) {
        return handsets.repairMove(actor, imei, HandsetStatus.SOLD, note);
    }
}
