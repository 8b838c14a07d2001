package org.opencrm.module.channel.internal;

import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.activity.ActivityTypeSet;
import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;
import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;

/** The module's descriptor, its permissions and their default grants to the platform's roles. */
@Component(service = { CrmModule.class, PermissionSet.class, ActivityTypeSet.class, RefusalTexts.class })
public class ChannelModule implements CrmModule, PermissionSet, ActivityTypeSet, RefusalTexts {
    /** Where the REST API finds this module's refusals in the caller's language: the error.* entries of its UI texts. */
    private static final String REFUSALS = "org.opencrm.module.channel.internal.ui.messages";

    public static final String ID = ChannelNames.ID;
    /** See partners, price lists, orders, receivables, statements and rebates (within one's data scope). */
    public static final String READ = ChannelNames.PERMISSION_PREFIX + "read";
    /** Enter, submit and cancel sell-in orders. */
    public static final String ORDER = ChannelNames.PERMISSION_PREFIX + "order";
    /** Approve and ship orders. */
    public static final String APPROVE = ChannelNames.PERMISSION_PREFIX + "approve";
    /** Payments, allocations, credit notes, write-off requests, collection, rebate runs. */
    public static final String FINANCE = ChannelNames.PERMISSION_PREFIX + "finance";
    /** Let an order through the credit check, with a reason. */
    public static final String CREDIT_OVERRIDE = ChannelNames.PERMISSION_PREFIX + "credit.override";
    /** Partner profiles (grade, credit limit, term, credit status), price lists, products, rebate programmes and run approval. */
    public static final String ADMIN = ChannelNames.PERMISSION_PREFIX + "admin";
    /**
     * Approve or reject a bad-debt write-off (never one's own request): its own permission, so that a credit controller
     * can decide write-offs without maintaining partners and prices. Granted by default where channel.admin is (the
     * admin role, which has every permission); operators grant it to other roles in the security configuration.
     */
    public static final String WRITEOFF = ChannelNames.PERMISSION_PREFIX + "writeoff";
    /** The core activity of a payment reminder (collection step) for the partner's account manager. */
    public static final String COLLECTION_ACTIVITY = "CHANNEL_COLLECTION";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Channel finance";
    }

    @Override
    public String moduleId() {
        return ID;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(READ, "See partners, price lists, orders, receivables, statements and rebates"),
                new Permission(ORDER, "Enter, submit and cancel sell-in orders"),
                new Permission(APPROVE, "Approve and ship sell-in orders"),
                new Permission(FINANCE, "Record payments and credit notes, allocate, request write-offs, run collection and rebates"),
                new Permission(CREDIT_OVERRIDE, "Let an order exceed the credit check, with a reason"),
                new Permission(ADMIN, "Maintain partner profiles, grades, credit limits, terms, price lists, rebate programmes; approve rebate runs"),
                new Permission(WRITEOFF, "Approve or reject bad-debt write-offs requested by someone else"));
    }

    /** Payment reminders are core activities on the partner's account (named in the module's messages, timeline.type.ACTIVITY_*). */
    @Override
    public List<String> activityTypes() {
        return List.of(COLLECTION_ACTIVITY);
    }

    /**
     * Partners order and read their own statements; managers run the channel. channel.admin, channel.credit.override and
     * channel.writeoff go to no role here: the admin role has every permission, and HQ finance gets them from it or from
     * the operator's role configuration.
     */
    @Override
    public Map<String, List<String>> defaultGrants() {
        return Map.of("partner", List.of(READ, ORDER),
                "manager", List.of(READ, ORDER, APPROVE, FINANCE),
                "viewer", List.of(READ));
    }

    @Override
    public String baseName() {
        return REFUSALS;
    }
}
