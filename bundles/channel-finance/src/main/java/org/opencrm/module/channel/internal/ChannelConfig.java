package org.opencrm.module.channel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.channel.cfg: grades, credit rules, collection steps and the periodic runs. */
@ObjectClassDefinition(id = ChannelConfig.PID, name = "OpenCRM channel finance",
        description = "Partner grades and their thresholds, credit rules, collection steps and the periodic runs")
public @interface ChannelConfig {
    String PID = ChannelNames.CONFIG_PID;

    @AttributeDefinition(description = "Grades lowest first as CODE:threshold, the threshold in CNY of net sell-in over the last 12 months; the first threshold must be 0 "
            + "(STANDARD 普通, SILVER 银牌, GOLD 金牌, DIAMOND 钻石)")
    String[] grades() default { "STANDARD:0", "SILVER:1000000", "GOLD:5000000", "DIAMOND:20000000" };

    @AttributeDefinition(min = "0", max = "3650", description = "An order is refused while the partner has an invoice overdue by more than this many days")
    int blockingOverdueDays() default 30;

    @AttributeDefinition(min = "1", max = "3650", description = "A partner goes on credit hold automatically once an invoice is overdue by more than this many days (collection run)")
    int holdAfterOverdueDays() default 60;

    @AttributeDefinition(min = "0", description = "Minutes between the periodic grade evaluation and collection runs (0 = only on demand)")
    int runIntervalMinutes() default 1440;
}
