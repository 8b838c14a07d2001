package org.opencrm.platform.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.opencrm.platform.api.time.BusinessClock;

/**
 * The kit's {@link BusinessClock}: stands still until the test moves it, in the business time zone (Asia/Shanghai).
 * Pass it wherever a module's service takes a BusinessClock; the core's services use it too.
 */
public final class TestClock implements BusinessClock {
    private final ZoneId zone;
    private final AtomicReference<Instant> now;

    public TestClock(Instant start, ZoneId zone) {
        this.zone = zone;
        this.now = new AtomicReference<>(start);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public Instant now() {
        return now.get();
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Sets the clock to a wall-clock time of the business time zone. */
    public void set(LocalDateTime local) {
        now.set(local.atZone(zone).toInstant());
    }

    /** The clock as a {@link java.time.Clock} (for code that takes one), moving with this one. */
    public java.time.Clock asClock() {
        return new java.time.Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public java.time.Clock withZone(ZoneId z) {
                return new TestClock(now(), z).asClock();
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}
