package org.opencrm.module.handset.internal.dto;

import org.opencrm.module.handset.api.HandsetStatus;

/** POST /handsets/{imei}/status: restock, scrap, or repair moves (see WarrantyRules for what is allowed). */
public record StatusRequest(HandsetStatus status, String note) {
}
