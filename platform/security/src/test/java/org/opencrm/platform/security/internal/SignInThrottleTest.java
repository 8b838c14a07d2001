package org.opencrm.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInThrottle.Settings(5, Duration.ofSeconds(5), Duration.ofMinutes(15), 30, Duration.ofMinutes(30), 1000), now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aUserNameIsLockedAfterFiveFailuresAndEachFurtherOneDoublesTheLockUpToTheMaximum() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(Duration.ZERO, throttle.failed("li", "10.0.0." + i).lockedFor(), "failure " + i + " is free");
            assertEquals(Duration.ZERO, throttle.lockRemaining("li", "10.0.0.99"));
        }
        assertEquals(Duration.ofSeconds(5), throttle.failed("li", "10.0.0.5").lockedFor());
        // locked for every address: the right password from anywhere is refused unchecked
        assertEquals(Duration.ofSeconds(5), throttle.lockRemaining("li", "192.0.2.1"));
        advance(Duration.ofSeconds(4));
        assertEquals(Duration.ofSeconds(1), throttle.lockRemaining("li", null));
        advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, throttle.lockRemaining("li", null), "the lock ends by itself");
        assertEquals(Duration.ofSeconds(10), throttle.failed("li", null).lockedFor());
        long[] expected = { 20, 40, 80, 160, 320, 640, 900, 900 };
        for (long seconds : expected) {
            advance(throttle.lockRemaining("li", null));
            assertEquals(Duration.ofSeconds(seconds), throttle.failed("li", null).lockedFor());
        }
    }

    @Test
    void attemptsRefusedDuringALockNeitherCountNorExtendIt() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("wang", null);
        }
        for (int i = 0; i < 200; i++) {
            assertTrue(throttle.lockRemaining("wang", null).compareTo(Duration.ZERO) > 0);
        }
        assertEquals(200, throttle.refusedWhileLocked("wang"));
        advance(Duration.ofSeconds(5));
        assertEquals(Duration.ZERO, throttle.lockRemaining("wang", null));
        assertEquals(6, throttle.failed("wang", null).userFailures());
    }

    @Test
    void aSuccessForgetsTheUserNamesFailuresButNotTheAddresss() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("zhao", "10.9.9.9");
        }
        throttle.succeeded("zhao");
        SignInThrottle.Failure f = throttle.failed("zhao", "10.9.9.9");
        assertEquals(1, f.userFailures());
        assertEquals(5, f.addressFailures());
    }

    @Test
    void anAddressIsLockedAfterThirtyFailuresForAnyUserNames() {
        for (int i = 1; i < 30; i++) {
            assertEquals(Duration.ZERO, throttle.failed("guess-" + i, "198.51.100.7").lockedFor());
        }
        assertEquals(Duration.ofSeconds(5), throttle.failed("guess-30", "198.51.100.7").lockedFor());
        assertEquals(Duration.ofSeconds(5), throttle.lockRemaining("admin", "198.51.100.7"), "even a valid user from that address");
        assertEquals(Duration.ZERO, throttle.lockRemaining("admin", "198.51.100.8"), "other addresses are not affected");
        assertTrue(throttle.clear("198.51.100.7"), "an operator's unlock");
        assertEquals(Duration.ZERO, throttle.lockRemaining("admin", "198.51.100.7"));
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("qian", null);
        }
        advance(Duration.ofMinutes(31));
        assertEquals(1, throttle.failed("qian", null).userFailures());
    }

    @Test
    void aFloodOfNewNamesIsBoundedAndKeepsLockedEntries() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("target", null);
        }
        for (int i = 0; i < 5000; i++) {
            throttle.failed("random-" + i, null);
        }
        assertTrue(throttle.trackedEntries() <= 1000, "entries: " + throttle.trackedEntries());
        assertTrue(throttle.lockRemaining("target", null).compareTo(Duration.ZERO) > 0, "a locked name stays locked");
    }

    @Test
    void theLockScheduleNeverOverflows() {
        SignInThrottle.Settings s = new SignInThrottle.Settings(5, Duration.ofSeconds(5), Duration.ofMinutes(15), 30, Duration.ofMinutes(30), 10);
        assertEquals(Duration.ofMinutes(15).toNanos(), SignInThrottle.lockFor(Integer.MAX_VALUE, s));
        assertEquals(Duration.ofSeconds(5).toNanos(), SignInThrottle.lockFor(0, s));
    }

    @Test
    void aBurstOfParallelAttemptsIsAdmittedOnlyUpToTheFailuresThatWouldLock() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, throttle.admit("ma", "10.1.1." + i), "attempt " + i + " is checked");
        }
        assertEquals(Duration.ofSeconds(1), throttle.admit("ma", "10.1.1.9"), "five in flight: the sixth waits, unchecked");
        throttle.done("ma", "10.1.1.0");
        throttle.succeeded("ma");
        assertEquals(Duration.ZERO, throttle.admit("ma", "10.1.1.9"), "one finished: room for one more");
        for (int i = 1; i < 5; i++) {
            throttle.done("ma", "10.1.1." + i);
            throttle.failed("ma", "10.1.1." + i);
        }
        assertEquals(Duration.ofSeconds(1), throttle.admit("ma", "10.1.1.8"), "four failures and one in flight");
    }

    @Test
    void aNegativeMonotonicClockLocksNothingByItself() {
        AtomicLong negative = new AtomicLong(-7_000_000_000_000L);
        SignInThrottle t = new SignInThrottle(SignInThrottle.Settings.DEFAULTS, negative::get);
        assertEquals(Duration.ZERO, t.admit("new-user", "10.0.0.1"), "System.nanoTime() may be negative");
        t.done("new-user", "10.0.0.1");
        for (int i = 0; i < 5; i++) {
            t.failed("new-user", null);
        }
        assertEquals(Duration.ofSeconds(5), t.lockRemaining("new-user", null));
    }
}
