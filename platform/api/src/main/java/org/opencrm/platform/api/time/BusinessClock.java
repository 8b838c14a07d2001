package org.opencrm.platform.api.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The current time and the business time zone (etc/org.opencrm.time.cfg, {@code timeZone}, default Asia/Shanghai).
 * A sale made at 01:30 in Beijing is made "today" in Beijing although the server's clock (often UTC) still shows
 * yesterday: every date a user sees or a rule counts in comes from here, never from the JVM's default clock or zone.
 *
 * <p>The core registers one as a service; modules take it by {@code @Reference}. Unit tests build one over a fixed
 * {@link Clock} with {@link #of(Clock)}.
 */
@ProviderType
public interface BusinessClock {
    /** The default business time zone: China Standard Time. */
    ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** The configured business time zone. */
    ZoneId zone();

    /** The current instant. */
    Instant now();

    /** Today in the business time zone. */
    default LocalDate today() {
        return dateOf(now());
    }

    /** The business day an instant falls on. */
    default LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }

    /** The instant a business day begins (00:00 in the business time zone). */
    default Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** The instant after the last moment of a business day: the start of the next day (an exclusive bound). */
    default Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    /** An instant as wall-clock time in the business time zone. */
    default ZonedDateTime local(Instant instant) {
        return instant.atZone(zone());
    }

    /** A business clock over a {@link Clock}: the clock's instant, the clock's zone as the business time zone. */
    static BusinessClock of(Clock clock) {
        return new BusinessClock() {
            @Override
            public ZoneId zone() {
                return clock.getZone();
            }

            @Override
            public Instant now() {
                return clock.instant();
            }
        };
    }
}
