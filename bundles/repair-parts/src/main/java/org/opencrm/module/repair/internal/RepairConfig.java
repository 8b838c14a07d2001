package org.opencrm.module.repair.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opencrm.repair.cfg: service levels, escalation, the default fault codes. */
@ObjectClassDefinition(id = RepairConfig.PID, name = "OpenCRM repair and parts",
        description = "Service levels of service requests by channel, escalation of overdue requests, the fault codes a new database starts with")
public @interface RepairConfig {
    String PID = "org.opencrm.repair";

    @AttributeDefinition(description = "Hours until a service request is due, by channel as CHANNEL:hours (HOTLINE, WEB, STORE, SMS); a channel not listed gets defaultSlaHours")
    String[] slaHours() default { "HOTLINE:48", "WEB:72", "STORE:24", "SMS:72" };

    @AttributeDefinition(min = "1", description = "Hours until a service request is due when its channel is not listed in slaHours")
    int defaultSlaHours() default 72;

    @AttributeDefinition(min = "0", description = "Minutes between runs of the escalation of overdue service requests (0 = only on demand)")
    int escalationIntervalMinutes() default 15;

    @AttributeDefinition(min = "1", description = "Hours after an escalation before an overdue request escalates again (to the next level)")
    int escalationRepeatHours() default 24;

    @AttributeDefinition(description = "Fault codes written to an empty catalogue as CODE:description; maintained afterwards through /api/v1/repair-orders/fault-codes")
    String[] faultCodes() default { "F01:No power / does not boot", "F02:Display or touch fault", "F03:Battery or charging fault",
            "F04:Audio (speaker, microphone) fault", "F05:Camera fault", "F06:Network or SIM fault", "F07:Liquid damage", "F08:Physical damage",
            "F09:Software fault", "F99:Other" };
}
