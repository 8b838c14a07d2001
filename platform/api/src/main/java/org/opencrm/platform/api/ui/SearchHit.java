package org.opencrm.platform.api.ui;

/**
 * One record a {@link HeaderSearch} found.
 *
 * @param title  the record as staff name it (a contact's name, an IMEI with its model, an order number)
 * @param detail what tells it apart (mobile, owner, status), or null
 * @param target the shell's URL fragment of its page, e.g. {@code contact/42} or {@code handsets/861234567890123}
 * @since 1.3
 */
public record SearchHit(String title, String detail, String target) {
}
