package org.opencrm.platform.api.customer;

/** What a module needs to know of a core contact. */
public record ContactRef(long id, String name, String mobile, Long accountId) {
}
