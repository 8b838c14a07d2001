package org.opencrm.platform.api.customer;

/** What a module needs to know of a core account. */
public record AccountRef(long id, String name, String type, Long parentId, String region) {
}
