package org.opencrm.platform.core.internal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.time.BusinessClock;

class ConfiguredBusinessClockTest {
    @Test
    void theConfiguredZoneAppliesAndChangesWithoutANewInstance() {
        ConfiguredBusinessClock clock = new ConfiguredBusinessClock();
        clock.configure(config("Asia/Shanghai"));
        assertEquals(ZoneId.of("Asia/Shanghai"), clock.zone());
        clock.configure(config(" Asia/Hong_Kong "));
        assertEquals(ZoneId.of("Asia/Hong_Kong"), clock.zone());
    }

    @Test
    void anUnknownZoneFallsBackToBeijingTime() {
        ConfiguredBusinessClock clock = new ConfiguredBusinessClock();
        clock.configure(config("Mars/Olympus_Mons"));
        assertEquals(BusinessClock.DEFAULT_ZONE, clock.zone());
        clock.configure(config(""));
        assertEquals(BusinessClock.DEFAULT_ZONE, clock.zone());
    }

    private static BusinessTimeConfig config(String zone) {
        return new BusinessTimeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BusinessTimeConfig.class;
            }

            @Override
            public String timeZone() {
                return zone;
            }
        };
    }
}
