package org.opencrm.module.handset.api;

/**
 * A model of the registry's catalogue as other modules see it (e.g. a price list line of channel finance).
 * {@code code} is upper case and unique.
 *
 * @since 1.2.0
 */
public record HandsetModelInfo(String code, String name) {
}
