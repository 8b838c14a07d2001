package org.opencrm.platform.core.internal.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

import org.opencrm.platform.api.time.BusinessClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's business clock: the system clock read in the configured zone. A changed zone applies at once
 * (modified, not re-activated), so no module restarts when an operator sets it.
 */
@Component(service = BusinessClock.class, configurationPid = BusinessTimeConfig.PID)
@Designate(ocd = BusinessTimeConfig.class)
public class ConfiguredBusinessClock implements BusinessClock {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredBusinessClock.class);
    private volatile ZoneId zone = DEFAULT_ZONE;

    @Activate
    @Modified
    void configure(BusinessTimeConfig config) {
        zone = parse(config.timeZone());
    }

    static ZoneId parse(String id) {
        try {
            return ZoneId.of(id == null ? "" : id.strip());
        } catch (DateTimeException e) {
            LOG.error("Unknown time zone '{}' in {}.cfg: using {}", id, BusinessTimeConfig.PID, DEFAULT_ZONE);
            return DEFAULT_ZONE;
        }
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Instant now() {
        return Clock.systemUTC().instant();
    }
}
