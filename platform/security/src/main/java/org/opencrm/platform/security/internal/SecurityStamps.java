package org.opencrm.platform.security.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * This node's view of every user's security stamp (column CRM_USER.SECURITYSTAMP): a number that grows by one with
 * every change of a user's password, enabled flag, roles or data scope. A sign-in remembers the stamp it saw; it holds
 * while the stamp is unchanged. Changes made on this node are known here at once ({@link #changed}); the stamp of a
 * user is read from the database again when this node's copy is older than {@code recheckNanos}, which bounds how long
 * another node's change takes to reach this one (0: read on every check).
 */
final class SecurityStamps {
    /** A user's stamp and enabled flag as last seen; {@code stamp} -1 for a user that does not exist. */
    record Known(long stamp, boolean enabled, long seenAt) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Function<String, Known> database;
    private final LongSupplier nanoTime;
    private volatile long recheckNanos;

    /** {@code database}: reads a user's stamp and enabled flag ({@code seenAt} is set here). */
    SecurityStamps(Function<String, Known> database, LongSupplier nanoTime, long recheckNanos) {
        this.database = database;
        this.nanoTime = nanoTime;
        this.recheckNanos = recheckNanos;
    }

    void recheckAfter(long nanos) {
        this.recheckNanos = nanos;
    }

    /** Whether a sign-in made with {@code stamp} still holds. */
    boolean isCurrent(String username, long stamp) {
        Known k = current(username);
        return k.enabled() && k.stamp() >= 0 && k.stamp() == stamp;
    }

    Known current(String username) {
        long now = nanoTime.getAsLong();
        Known k = known.get(username);
        if (k == null || now - k.seenAt() >= recheckNanos) {
            Known read = database.apply(username);
            k = remember(username, read.stamp(), read.enabled(), now);
        }
        return k;
    }

    /** This node changed the user (stamp already raised in the committed transaction). */
    void changed(String username, long stamp, boolean enabled) {
        remember(username, stamp, enabled, nanoTime.getAsLong());
    }

    /** Stamps only grow: an older reading that arrives late never replaces a newer one. */
    private Known remember(String username, long stamp, boolean enabled, long now) {
        Known fresh = new Known(stamp, enabled, now);
        return known.merge(username, fresh, (old, neu) -> neu.stamp() >= old.stamp() ? neu : new Known(old.stamp(), old.enabled(), now));
    }

    void forgetAll() {
        known.clear();
    }
}
