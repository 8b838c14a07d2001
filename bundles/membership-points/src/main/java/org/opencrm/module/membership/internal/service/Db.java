package org.opencrm.module.membership.internal.service;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Database failure classes by SQLState, and a bounded retry of whole transactions that lost a lock race. */
public final class Db {
    private static final Logger LOG = LoggerFactory.getLogger(Db.class);
    static final int ATTEMPTS = 6;

    private Db() {
    }

    /** A unique index refused the insert (SQLState 23505). */
    public static boolean isDuplicate(Throwable e) {
        String s = sqlState(e);
        return s != null && s.equals("23505");
    }

    /** Deadlock (40001), lock timeout (40XL1/40XL2) or another serialization failure (class 40). */
    public static boolean isTransient(Throwable e) {
        String s = sqlState(e);
        return s != null && s.startsWith("40");
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && sql.getNextException().getSQLState() != null) {
                return sql.getNextException().getSQLState();
            }
        }
        return null;
    }

    /**
     * Runs a whole transaction again when it was chosen as a deadlock victim or timed out on a lock, at most
     * {@link #ATTEMPTS} times with a short random pause. Call it only outside a transaction (the work must own it).
     */
    public static <T> T retrying(String what, Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (!isTransient(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debug("{}: {} on attempt {}, retrying", what, sqlState(e), attempt);
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(2, 10 * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
