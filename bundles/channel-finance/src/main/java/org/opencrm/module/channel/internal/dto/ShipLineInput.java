package org.opencrm.module.channel.internal.dto;

import java.util.List;

/** What of an order line ships, with the serial numbers (IMEIs) of serialised products. */
public record ShipLineInput(Long orderLineId, Integer quantity, List<String> serials) {
}
