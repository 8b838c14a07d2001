package org.opencrm.platform.api.customer;

/**
 * A customer found at a counter ({@link CustomerDirectory#findAtCounter}): the contact's id (to attach the order to),
 * its name and its masked mobile ({@link Mobiles#masked}), and whether the contact lies in the clerk's own data scope.
 * A contact outside the scope was registered by another store or centre: the clerk learns no more of it than this.
 *
 * @since 1.7
 */
public record CounterMatch(long contactId, String name, String maskedMobile, boolean inScope) {
}
