package org.opencrm.platform.api.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class BusinessClockTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void todayIsTheBeijingDayWhileTheUtcDateIsStillYesterday() {
        // 01:30 on 6 December in Beijing is 17:30 on 5 December in UTC
        Instant at = Instant.parse("2026-12-05T17:30:00Z");
        BusinessClock clock = BusinessClock.of(Clock.fixed(at, SHANGHAI));
        assertEquals(LocalDate.of(2026, 12, 6), clock.today());
        assertEquals(LocalDate.of(2026, 12, 5), BusinessClock.of(Clock.fixed(at, ZoneId.of("UTC"))).today());
        assertEquals(1, clock.local(at).getHour());
    }

    @Test
    void aBusinessDayRunsFromBeijingMidnightToTheNextBeijingMidnight() {
        BusinessClock clock = BusinessClock.of(Clock.fixed(Instant.EPOCH, SHANGHAI));
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertEquals(Instant.parse("2026-12-05T16:00:00Z"), clock.startOf(day));
        assertEquals(Instant.parse("2026-12-06T16:00:00Z"), clock.endOf(day));
        assertEquals(day, clock.dateOf(Instant.parse("2026-12-05T16:00:00Z")));
        assertEquals(day, clock.dateOf(Instant.parse("2026-12-06T15:59:59Z")));
        assertEquals(day.plusDays(1), clock.dateOf(Instant.parse("2026-12-06T16:00:00Z")));
    }
}
