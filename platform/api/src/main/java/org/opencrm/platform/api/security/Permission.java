package org.opencrm.platform.api.security;

/** A permission id like "core.contact.write" and what it allows, shown to administrators. */
public record Permission(String id, String description) {
}
