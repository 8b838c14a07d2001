package org.opencrm.module.repair.internal.dto;

/** A line of a parts order; backorder = ordered − shipped, in transit = shipped − received. */
public record PartsOrderLineData(long partId, String partNumber, String partName, long ordered, long shipped, long received, long backorder, long inTransit) {
}
