package org.opencrm.module.membership.api;

/** EventAdmin topics the module posts after the change committed, with their property keys. */
public final class MembershipEvents {
    public static final String MEMBER_ENROLLED = "crm/membership/MEMBER_ENROLLED";
    public static final String TIER_CHANGED = "crm/membership/TIER_CHANGED";
    public static final String CARD_CHANGED = "crm/membership/CARD_CHANGED";
    public static final String POINTS_CHANGED = "crm/membership/POINTS_CHANGED";
    public static final String VALUE_CHANGED = "crm/membership/VALUE_CHANGED";

    public static final String MEMBER_ID = "memberId";
    public static final String CONTACT_ID = "contactId";
    public static final String TIER = "tier";
    public static final String CARD_NUMBER = "cardNumber";
    public static final String STATUS = "status";
    public static final String KIND = "kind";
    public static final String REFERENCE = "reference";
    public static final String POINTS = "points";
    public static final String POINTS_BALANCE = "pointsBalance";
    public static final String AMOUNT_FEN = "amountFen";
    public static final String VALUE_BALANCE_FEN = "valueBalanceFen";

    private MembershipEvents() {
    }
}
