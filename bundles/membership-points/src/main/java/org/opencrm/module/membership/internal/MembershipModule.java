package org.opencrm.module.membership.internal;

import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;

/** The module's descriptor and permissions. */
@Component(service = { CrmModule.class, PermissionSet.class, RefusalTexts.class })
public class MembershipModule implements CrmModule, PermissionSet, RefusalTexts {
    /** Where the REST API finds this module's refusals in the caller's language: the error.* entries of its UI texts. */
    private static final String REFUSALS = "org.opencrm.module.membership.internal.ui.messages";

    public static final String ID = MembershipNames.ID;
    /** See members, cards, ledgers, promotions, coupons and reports (within one's data scope). */
    public static final String READ = MembershipNames.PERMISSION_PREFIX + "read";
    /** Enrol members, change their status and birthday, issue cards and run their lifecycle, issue coupons. */
    public static final String WRITE = MembershipNames.PERMISSION_PREFIX + "write";
    /** At the till: earn and redeem points, top up, spend and refund stored value. */
    public static final String CASHIER = MembershipNames.PERMISSION_PREFIX + "cashier";
    /** Add or take points by hand, with a reason. */
    public static final String ADJUST = MembershipNames.PERMISSION_PREFIX + "adjust";
    /** Promotions, the periodic run, outbox administration. */
    public static final String ADMIN = MembershipNames.PERMISSION_PREFIX + "admin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Membership and points";
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(READ, "See members, cards, points and stored-value ledgers, promotions, coupons and reports"),
                new Permission(WRITE, "Enrol members, issue cards (activate, report lost, replace, cancel), issue coupons"),
                new Permission(CASHIER, "Earn and redeem points, top up, spend and refund stored value at the till"),
                new Permission(ADJUST, "Adjust a member's points by hand, with a reason"),
                new Permission(ADMIN, "Maintain promotions, run expiry and tier evaluation, see the notification outbox"));
    }

    /** Store staff enrol members and work the till. */
    @Override
    public Map<String, List<String>> defaultGrants() {
        return Map.of("store", List.of(READ, WRITE, CASHIER));
    }

    @Override
    public String baseName() {
        return REFUSALS;
    }
}
