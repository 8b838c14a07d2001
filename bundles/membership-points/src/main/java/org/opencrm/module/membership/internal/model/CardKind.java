package org.opencrm.module.membership.internal.model;

/** What a card can be used for: identification and points, stored value, a discount, or all three. */
public enum CardKind {
    MEMBER(true, false, false), STORED_VALUE(false, true, false), DISCOUNT(false, false, true), COMBINED(true, true, true);

    public final boolean points;
    public final boolean storedValue;
    public final boolean discount;

    CardKind(boolean points, boolean storedValue, boolean discount) {
        this.points = points;
        this.storedValue = storedValue;
        this.discount = discount;
    }
}
