package org.opencrm.module.handset.internal.dto;

import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.platform.rest.ApiSchema;

/** POST /handsets/{imei}/status: restock, scrap, or repair moves (see WarrantyRules for what is allowed). */
@ApiSchema(required = { "status" })
public record StatusRequest(HandsetStatus status, String note) {
}
