package org.opencrm.platform.security.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The back-off after failed sign-ins, per user name and per client address, in memory. The first
 * {@code freeFailures} failures of a user name cost nothing; each further one locks the name for {@code firstLock},
 * doubled with every further failure, up to {@code maxLock}. A client address gets the same schedule after
 * {@code addressFreeFailures} failures (for any user names, existing or not). While a name or an address is locked
 * every attempt is refused before anything is checked, the right password included, so a lock costs an attacker
 * nothing but time and the server no PBKDF2. Only checked attempts count; a refused attempt neither counts nor
 * extends the lock. A name's failures are forgotten at its next successful sign-in or after {@code forgetAfter}
 * without failures; an address's only after {@code forgetAfter} (a success from an address does not clear it, or an
 * attacker with one valid account could reset it). Unknown user names are counted like known ones, so the answers
 * do not tell them apart.
 * <p>
 * Per node: with several nodes an attacker gets the free failures once per node; the locks are still bounded by
 * the schedule on each (see README, Security).
 */
final class SignInThrottle {
    record Settings(int freeFailures, Duration firstLock, Duration maxLock, int addressFreeFailures, Duration forgetAfter, int maxEntries) {
        static final Settings DEFAULTS = new Settings(5, Duration.ofSeconds(5), Duration.ofMinutes(15), 30, Duration.ofMinutes(30), 100_000);
    }

    /** What one checked failure led to: the counts so far and the lock it started (zero if none). */
    record Failure(int userFailures, int addressFailures, Duration lockedFor) {
    }

    private static final class Counter {
        int failures;
        /** Attempts admitted and still being checked: they count against the free failures until they are done. */
        int inFlight;
        long lastFailure;
        long lockedUntil;
        int refusedWhileLocked;
    }

    private final LongSupplier nanoTime;
    private final Map<String, Counter> users = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();
    private volatile Settings settings;

    SignInThrottle(Settings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    void configure(Settings s) {
        this.settings = s;
    }

    /** How long the user name or the address stays locked (the longer of the two), zero when the attempt may be checked. */
    Duration lockRemaining(String username, String address) {
        long now = nanoTime.getAsLong();
        long left = Math.max(remaining(users.get(username), now), address == null ? 0 : remaining(addresses.get(address), now));
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    private static long remaining(Counter c, long now) {
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            long left = c.lockedUntil == 0 ? 0 : c.lockedUntil - now;
            if (left > 0) {
                c.refusedWhileLocked++;
            }
            return left;
        }
    }

    /**
     * Admits an attempt to be checked (zero), or says how long to wait: while the name or address is locked, and while
     * as many attempts are being checked as would lock it if they all failed (so that a burst of parallel attempts is
     * refused at once instead of queueing for PBKDF2). An admitted attempt must end with {@link #done}.
     */
    Duration admit(String username, String address) {
        Settings s = settings;
        long now = nanoTime.getAsLong();
        Duration locked = lockRemaining(username, address);
        if (!locked.isZero()) {
            return locked;
        }
        Counter user = users.computeIfAbsent(username, k -> new Counter());
        Counter addr = address == null ? null : addresses.computeIfAbsent(address, k -> new Counter());
        synchronized (user) {
            if (address == null) {
                return admitOne(user, null, s.freeFailures(), 0, s, now);
            }
            synchronized (addr) {
                return admitOne(user, addr, s.freeFailures(), s.addressFreeFailures(), s, now);
            }
        }
    }

    private static Duration admitOne(Counter user, Counter addr, int userFree, int addressFree, Settings s, long now) {
        if (user.inFlight >= slots(user, userFree, s, now) || (addr != null && addr.inFlight >= slots(addr, addressFree, s, now))) {
            return Duration.ofSeconds(1);
        }
        user.inFlight++;
        if (addr != null) {
            addr.inFlight++;
        }
        return Duration.ZERO;
    }

    /** Attempts that may be checked at once: the failures left before a lock, and one after a lock has ended. */
    private static int slots(Counter c, int free, Settings s, long now) {
        boolean forgotten = c.failures > 0 && now - c.lastFailure > s.forgetAfter().toNanos() && !locked(c, now);
        return Math.max(1, free - (forgotten ? 0 : c.failures));
    }

    /** An admitted attempt was checked (call before {@link #failed} or {@link #succeeded}). */
    void done(String username, String address) {
        decrement(users.get(username));
        if (address != null) {
            decrement(addresses.get(address));
        }
    }

    private static void decrement(Counter c) {
        if (c != null) {
            synchronized (c) {
                if (c.inFlight > 0) {
                    c.inFlight--;
                }
            }
        }
    }

    /** Records a checked failed sign-in; locks the name and the address when their free failures are used up. */
    Failure failed(String username, String address) {
        Settings s = settings;
        long now = nanoTime.getAsLong();
        long userLock = count(users, username, s.freeFailures(), s, now);
        int userFailures = failures(users.get(username));
        long addressLock = 0;
        int addressFailures = 0;
        if (address != null) {
            addressLock = count(addresses, address, s.addressFreeFailures(), s, now);
            addressFailures = failures(addresses.get(address));
        }
        return new Failure(userFailures, addressFailures, Duration.ofNanos(Math.max(userLock, addressLock)));
    }

    private long count(Map<String, Counter> map, String key, int free, Settings s, long now) {
        if (map.size() >= s.maxEntries() && !map.containsKey(key)) {
            sweep(map, s, now);
        }
        Counter c = map.computeIfAbsent(key, k -> new Counter());
        synchronized (c) {
            if (c.failures > 0 && now - c.lastFailure > s.forgetAfter().toNanos() && !locked(c, now)) {
                c.failures = 0;
            }
            c.failures++;
            c.lastFailure = now;
            if (c.failures < free) {
                return 0;
            }
            long lock = lockFor(c.failures - free, s);
            c.lockedUntil = lock == 0 ? 0 : now + lock;
            c.refusedWhileLocked = 0;
            return lock;
        }
    }

    /** Whether a lock is running (lockedUntil 0: never locked or unlocked; System.nanoTime() may be negative). */
    private static boolean locked(Counter c, long now) {
        return c.lockedUntil != 0 && c.lockedUntil - now > 0;
    }

    /** firstLock × 2^beyond, at most maxLock. */
    static long lockFor(int beyond, Settings s) {
        long first = s.firstLock().toNanos();
        long max = s.maxLock().toNanos();
        if (first <= 0) {
            return 0;
        }
        long lock = first;
        for (int i = 0; i < beyond && lock < max; i++) {
            lock = lock > max / 2 ? max : lock * 2;
        }
        return Math.min(lock, max);
    }

    private static int failures(Counter c) {
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            return c.failures;
        }
    }

    /** A successful sign-in: the user name's failures are forgotten (the address's are not). */
    void succeeded(String username) {
        Counter c = users.get(username);
        if (c != null) {
            synchronized (c) {
                c.failures = 0;
                c.lockedUntil = 0;
                if (c.inFlight == 0) {
                    users.remove(username, c);
                }
            }
        }
    }

    /** Forgets a user name's or an address's failures and lock (an operator's unlock); true if there were any. */
    boolean clear(String key) {
        boolean user = users.remove(key) != null;
        boolean address = addresses.remove(key) != null;
        return user || address;
    }

    /** Refused attempts since the current lock of the user name began (for the log). */
    int refusedWhileLocked(String username) {
        Counter c = users.get(username);
        if (c == null) {
            return 0;
        }
        synchronized (c) {
            return c.refusedWhileLocked;
        }
    }

    int trackedEntries() {
        return users.size() + addresses.size();
    }

    /** Drops forgotten entries; if the map is still full (a flood of new names), the unlocked ones. */
    private static void sweep(Map<String, Counter> map, Settings s, long now) {
        long forget = s.forgetAfter().toNanos();
        map.values().removeIf(c -> {
            synchronized (c) {
                return c.inFlight == 0 && !locked(c, now) && (c.failures == 0 || now - c.lastFailure > forget);
            }
        });
        if (map.size() >= s.maxEntries()) {
            for (Iterator<Counter> it = map.values().iterator(); it.hasNext() && map.size() >= s.maxEntries() / 2;) {
                Counter c = it.next();
                synchronized (c) {
                    if (!locked(c, now) && c.inFlight == 0) {
                        it.remove();
                    }
                }
            }
        }
    }
}
