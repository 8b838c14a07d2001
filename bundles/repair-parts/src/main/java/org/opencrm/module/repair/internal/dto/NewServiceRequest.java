package org.opencrm.module.repair.internal.dto;

import org.opencrm.module.repair.internal.model.RequestChannel;
import org.opencrm.platform.rest.ApiSchema;

/** A new service request: channel, contact and description required; the device (IMEI or serial number), the centre and the owner optional. */
@ApiSchema(required = { "channel", "description" })
public record NewServiceRequest(RequestChannel channel, Long contactId, String imei, String serialNumber, String modelCode, String description, Long centreAccountId, String owner) {
}
