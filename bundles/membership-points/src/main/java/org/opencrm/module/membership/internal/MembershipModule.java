package org.opencrm.module.membership.internal;

import java.util.List;

import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The module's descriptor and permissions. */
@Component(service = { CrmModule.class, PermissionSet.class })
public class MembershipModule implements CrmModule, PermissionSet {
    public static final String ID = "membership-points";
    /** See members, cards, ledgers, promotions, coupons and reports (within one's data scope). */
    public static final String READ = "membership.read";
    /** Enrol members, change their status and birthday, issue cards and run their lifecycle, issue coupons. */
    public static final String WRITE = "membership.write";
    /** At the till: earn and redeem points, top up, spend and refund stored value. */
    public static final String CASHIER = "membership.cashier";
    /** Add or take points by hand, with a reason. */
    public static final String ADJUST = "membership.adjust";
    /** Promotions, the periodic run, outbox administration. */
    public static final String ADMIN = "membership.admin";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Membership and points";
    }

    @Override
    public String version() {
        return "1.0.0";
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
}
