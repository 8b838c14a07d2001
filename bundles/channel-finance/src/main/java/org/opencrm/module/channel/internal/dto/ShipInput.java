package org.opencrm.module.channel.internal.dto;

import java.util.List;

/** A shipment of an order (all open lines when lines is empty). */
public record ShipInput(List<ShipLineInput> lines) {
}
