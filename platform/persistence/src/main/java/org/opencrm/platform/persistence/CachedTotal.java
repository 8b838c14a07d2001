package org.opencrm.platform.persistence;

import java.util.function.LongSupplier;

/**
 * The total of an unfiltered list of millions of rows. Derby keeps no row count and COUNT(*) scans an index (about
 * a second at a million rows), so the total is kept here: this node's writes adjust it, and it is recounted at most
 * once per {@code maxAgeMillis} to pick up other nodes' writes.
 */
public final class CachedTotal {
    private final long maxAgeMillis;
    private long value;
    private long countedAt = Long.MIN_VALUE;

    public CachedTotal(long maxAgeMillis) {
        this.maxAgeMillis = maxAgeMillis;
    }

    /** The total, counted with {@code recount} when never counted or older than the maximum age. */
    public synchronized long get(LongSupplier recount) {
        long now = System.currentTimeMillis();
        if (countedAt == Long.MIN_VALUE || now - countedAt > maxAgeMillis) {
            value = recount.getAsLong();
            countedAt = now;
        }
        return value;
    }

    /** This node added ({@code delta} > 0) or removed rows. */
    public synchronized void add(long delta) {
        value += delta;
    }

    /** The next read counts again. */
    public synchronized void invalidate() {
        countedAt = Long.MIN_VALUE;
    }
}
