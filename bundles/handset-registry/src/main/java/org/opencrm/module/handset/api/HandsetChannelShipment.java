package org.opencrm.module.handset.api;

import java.time.Instant;

/**
 * A unit shipped from the brand's stock to a channel partner's account (sell-in): the partner holds it in the channel
 * until it is sold on. {@code reference} is the shipping module's document (e.g. channel finance's shipment number),
 * null when none was given.
 *
 * @since 1.3.0
 */
public record HandsetChannelShipment(String imei, String modelCode, long partnerAccountId, Instant shippedAt, String reference) {
}
