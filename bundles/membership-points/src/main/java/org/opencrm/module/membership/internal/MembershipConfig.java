package org.opencrm.module.membership.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.membership.cfg: tiers, earning and redemption rates, expiry, top-up bonuses, notifications. */
@ObjectClassDefinition(id = MembershipConfig.PID, name = "OpenCRM membership and points",
        description = "Tiers and their thresholds, earning and redemption rates, point expiry, top-up bonuses and notifications")
public @interface MembershipConfig {
    String PID = "org.opencrm.membership";

    @AttributeDefinition(description = "Tiers lowest first as NAME:threshold in CNY of rolling 12-month spend:earning multiplier; the first threshold must be 0")
    String[] tiers() default { "NORMAL:0:1.0", "SILVER:5000:1.2", "GOLD:20000:1.5", "PLATINUM:50000:2.0" };

    @AttributeDefinition(min = "1", max = "1000", description = "Points earned per full 1 CNY paid (before multipliers)")
    int pointsPerYuan() default 1;

    @AttributeDefinition(min = "1", max = "100000", description = "Points that are worth 1 CNY when redeemed")
    int pointsPerYuanRedeemed() default 100;

    @AttributeDefinition(min = "0", max = "120", description = "Months after which an earning expires (0 = never)")
    int pointsExpiryMonths() default 12;

    @AttributeDefinition(min = "1", max = "36", description = "Months of purchases that decide the tier")
    int tierWindowMonths() default 12;

    @AttributeDefinition(description = "Multiplier on purchases in the member's birthday month (1.0 = none); the highest of this and the promotions applies")
    String birthdayMultiplier() default "2.0";

    @AttributeDefinition(description = "Top-up bonuses as minimum top-up in CNY:bonus in CNY; the highest matching rule applies, e.g. 1000:100")
    String[] topUpBonuses() default { "1000:100", "5000:800" };

    @AttributeDefinition(description = "Channels of notifications on points and value changes: SMS, EMAIL (empty = none)")
    String[] notificationChannels() default { "SMS" };

    @AttributeDefinition(description = "Language of the notification texts: zh_CN or en")
    String notificationLanguage() default "zh_CN";

    @AttributeDefinition(description = "Write points and stored-value transactions on the member's timeline (card, tier and adjustment entries are always written)")
    boolean timelineForTransactions() default true;

    @AttributeDefinition(min = "0", description = "Minutes between runs of expiry and tier evaluation (0 = only on demand); a debit always expires what is due first")
    int maintenanceIntervalMinutes() default 1440;

    @AttributeDefinition(min = "1", description = "Seconds between deliveries of the notification outbox")
    int outboxIntervalSeconds() default 5;

    @AttributeDefinition(min = "1", max = "32", description = "Till: threads that apply earn, redeem, top-up and spend requests, each many members' requests in one transaction (group commit); changed while the till runs, no request lost")
    int tillCommitters() default 4;

    @AttributeDefinition(min = "1", max = "1000", description = "Till: most requests one transaction carries; 1 = a transaction per request")
    int tillBatchSize() default 64;
}
