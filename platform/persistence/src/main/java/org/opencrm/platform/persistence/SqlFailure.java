package org.opencrm.platform.persistence;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * What a database failure means, from its SQLState, on both databases the platform runs on (Derby embedded and
 * PostgreSQL); the one place where SQLStates are read. The SQLException is looked for anywhere in the chain of causes
 * and next exceptions, under whatever JPA, EclipseLink or JTA wrapped it in.
 *
 * <table>
 * <caption>SQLStates</caption>
 * <tr><th>kind</th><th>Derby</th><th>PostgreSQL</th></tr>
 * <tr><td>{@link #UNIQUE_VIOLATION}</td><td>23505</td><td>23505</td></tr>
 * <tr><td>{@link #INTEGRITY_VIOLATION}</td><td>other 23xxx (foreign key 23503, check 23513, not null 23502)</td><td>same</td></tr>
 * <tr><td>{@link #DEADLOCK}</td><td>40001 (Derby names its deadlock victims with the standard's state)</td><td>40P01</td></tr>
 * <tr><td>{@link #LOCK_TIMEOUT}</td><td>40XL1, 40XL2 (with a lock table dump)</td><td>55P03 (lock_not_available)</td></tr>
 * <tr><td>{@link #SERIALIZATION_FAILURE}</td><td>—</td><td>40001</td></tr>
 * </table>
 * 40001 cannot say which database sent it; it is {@link #SERIALIZATION_FAILURE} for both, and the two kinds are handled
 * alike (the transaction lost a race and may simply run again: {@link #isRetryable()}).
 */
public enum SqlFailure {
    /** A unique constraint or index refused the row: a concurrent duplicate (HTTP 409). */
    UNIQUE_VIOLATION(false),
    /** Another integrity constraint (foreign key, check, not null) refused the change (HTTP 409). */
    INTEGRITY_VIOLATION(false),
    /** The transaction was chosen as a deadlock victim and rolled back. */
    DEADLOCK(true),
    /** A lock could not be had in time. */
    LOCK_TIMEOUT(true),
    /** The database could not serialize the transaction with a concurrent one (Derby: a deadlock victim). */
    SERIALIZATION_FAILURE(true),
    /** None of the above, or no SQLException at all. */
    OTHER(false);

    private final boolean retryable;

    SqlFailure(boolean retryable) {
        this.retryable = retryable;
    }

    /** The transaction lost a race (deadlock, lock timeout, serialization) and may run again unchanged. */
    public boolean isRetryable() {
        return retryable;
    }

    /** A constraint refused the change: the unique ones and the others (SQLState class 23). */
    public boolean isIntegrityViolation() {
        return this == UNIQUE_VIOLATION || this == INTEGRITY_VIOLATION;
    }

    /** The kind of one SQLState; null is {@link #OTHER}. */
    public static SqlFailure ofState(String sqlState) {
        if (sqlState == null) {
            return OTHER;
        }
        return switch (sqlState) {
            case "23505" -> UNIQUE_VIOLATION;
            case "40P01" -> DEADLOCK;
            case "40001" -> SERIALIZATION_FAILURE;
            case "40XL1", "40XL2", "55P03" -> LOCK_TIMEOUT;
            default -> sqlState.startsWith("23") ? INTEGRITY_VIOLATION : OTHER;
        };
    }

    /** The kind of the first SQLException in {@code e}'s chain whose state means something, else {@link #OTHER}. */
    public static SqlFailure of(Throwable e) {
        return first(e).map(s -> ofState(s.getSQLState())).orElse(OTHER);
    }

    /** The SQLException of that kind in {@code e}'s chain, e.g. for the name of the violated constraint in its message. */
    public static Optional<SQLException> find(Throwable e, SqlFailure kind) {
        return walk(e, s -> ofState(s.getSQLState()) == kind);
    }

    /** The SQLState of {@code e}'s failure (the first one that means something, else the first one at all), or null. */
    public static String sqlState(Throwable e) {
        return first(e).map(SQLException::getSQLState).orElse(null);
    }

    private static Optional<SQLException> first(Throwable e) {
        Optional<SQLException> known = walk(e, s -> ofState(s.getSQLState()) != OTHER);
        return known.isPresent() ? known : walk(e, s -> s.getSQLState() != null);
    }

    private static Optional<SQLException> walk(Throwable e, java.util.function.Predicate<SQLException> match) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return walk(e, match, seen);
    }

    private static Optional<SQLException> walk(Throwable t, java.util.function.Predicate<SQLException> match, Set<Throwable> seen) {
        // causes and next exceptions form a tree; a wrapper may point back at itself or at an ancestor
        while (t != null && seen.size() < 100 && seen.add(t)) {
            if (t instanceof SQLException s) {
                if (match.test(s)) {
                    return Optional.of(s);
                }
                SQLException next = s.getNextException();
                if (next != null) {
                    Optional<SQLException> found = walk(next, match, seen);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            t = t.getCause();
        }
        return Optional.empty();
    }
}
