package org.opencrm.module.handset.internal.service;

import java.util.EnumMap;
import java.util.Map;

import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.internal.model.HandsetModel;

/** The configured defaults: warranty months and windows. Immutable; replaced on reconfiguration. */
public record WarrantyTerms(int handsetMonths, Map<AccessoryType, Integer> accessoryMonths, int returnDays, int exchangeDays) {
    public static final WarrantyTerms THREE_GUARANTEES = new WarrantyTerms(12,
            Map.of(AccessoryType.BATTERY, 6, AccessoryType.CHARGER, 12, AccessoryType.WIRED_HEADSET, 3), 7, 15);

    public WarrantyTerms {
        accessoryMonths = Map.copyOf(new EnumMap<>(accessoryMonths));
    }

    /** Months of warranty of the handset of this model: its override, else the default. */
    public int handsetMonths(HandsetModel model) {
        return model != null && model.handsetMonths != null ? model.handsetMonths : handsetMonths;
    }

    public int accessoryMonths(HandsetModel model, AccessoryType type) {
        Integer override = model == null ? null : switch (type) {
            case BATTERY -> model.batteryMonths;
            case CHARGER -> model.chargerMonths;
            case WIRED_HEADSET -> model.headsetMonths;
        };
        return override != null ? override : accessoryMonths.getOrDefault(type, 0);
    }
}
