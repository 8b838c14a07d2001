package org.opencrm.module.channel.internal.service;

import java.time.Instant;
import java.time.LocalDate;

import org.opencrm.module.channel.internal.ChannelConfig;
import org.opencrm.platform.api.time.BusinessClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The module's settings (etc/org.opencrm.channel.cfg, applied at once) and its clock: every date of the module
 * (invoice and due dates, "today" of the credit check, aging) is a day of the business time zone.
 */
@Component(service = ChannelSettings.class, configurationPid = ChannelConfig.PID)
@Designate(ocd = ChannelConfig.class)
public class ChannelSettings {
    /** The settings that apply, replaced whole when the configuration changes. */
    public record Rules(Grades grades, int blockingOverdueDays, int holdAfterOverdueDays, int runIntervalMinutes) {
        public static Rules defaults() {
            return new Rules(Grades.defaults(), 30, 60, 1440);
        }
    }

    private final BusinessClock clock;
    private volatile Rules rules;

    public ChannelSettings(BusinessClock clock, Rules rules) {
        this.clock = clock;
        this.rules = rules;
    }

    @Activate
    public ChannelSettings(@Reference BusinessClock clock, ChannelConfig config) {
        this(clock, of(config));
    }

    @Modified
    void modified(ChannelConfig config) {
        rules = of(config);
    }

    static Rules of(ChannelConfig c) {
        return new Rules(Grades.parse(c.grades()), c.blockingOverdueDays(), c.holdAfterOverdueDays(), c.runIntervalMinutes());
    }

    public Rules rules() {
        return rules;
    }

    public Grades grades() {
        return rules.grades();
    }

    public BusinessClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.now();
    }

    public LocalDate today() {
        return clock.today();
    }
}
