package org.opencrm.platform.api.customer;

/**
 * Records of one kind that refer to a contact: {@code kind} a stable key (e.g. "membership.member"), {@code count} how
 * many, {@code description} what they are in the asked language (e.g. "2 warranty cards").
 */
public record ContactReference(String kind, long count, String description) {
}
