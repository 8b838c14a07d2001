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

    @AttributeDefinition(description = "Fault codes written to an empty catalogue as CODE:English description|Chinese description (the Chinese part is optional); maintained afterwards through /api/v1/repair-orders/fault-codes")
    String[] faultCodes() default { "F01:No power / does not boot|不开机/无法启动", "F02:Display or touch fault|屏幕或触摸故障",
            "F03:Battery or charging fault|电池或充电故障", "F04:Audio (speaker, microphone) fault|音频（扬声器、麦克风）故障", "F05:Camera fault|摄像头故障",
            "F06:Network or SIM fault|网络或 SIM 卡故障", "F07:Liquid damage|进液损坏", "F08:Physical damage|外力损坏", "F09:Software fault|软件故障",
            "F99:Other|其他" };
}
