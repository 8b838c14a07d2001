package org.opencrm.platform.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongBinaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole transaction again when it lost a race: chosen as a deadlock victim, timed out on a lock, or not
 * serializable ({@link SqlFailure#isRetryable()}), a bounded number of times with a jittered, growing pause (so that
 * the losers of one race do not meet again in the next). Immutable; {@link #standard()} is what services use.
 *
 * <p>Caller contract: the work must own its transaction (e.g. {@code jpa.txExpr(TransactionType.Required, ...)} called
 * outside any transaction, or {@code RequiresNew}): a rolled-back transaction cannot be continued, only run again. The
 * work must have no effect outside the transaction (post events with the platform's event publisher, which drops the
 * events of a rolled-back attempt).
 */
public final class TransactionRetry {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionRetry.class);

    /** How the retry waits; tests pass one that records the pause instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final int attempts;
    private final Duration first;
    private final Duration longest;
    private final Predicate<SqlFailure> when;
    private final Pause pause;
    /** (low, high) -> a random long in [low, high]. */
    private final LongBinaryOperator random;

    private TransactionRetry(int attempts, Duration first, Duration longest, Predicate<SqlFailure> when, Pause pause, LongBinaryOperator random) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.first = first;
        this.longest = longest;
        this.when = when;
        this.pause = pause;
        this.random = random;
    }

    /** 6 attempts, pauses from 2 ms growing to at most 200 ms, on deadlocks, lock timeouts and serialization failures. */
    public static TransactionRetry standard() {
        return new TransactionRetry(6, Duration.ofMillis(2), Duration.ofMillis(200), SqlFailure::isRetryable, d -> Thread.sleep(d.toMillis()),
                (low, high) -> ThreadLocalRandom.current().nextLong(low, high + 1));
    }

    /** At most {@code attempts} runs in all (the first one included). */
    public TransactionRetry attempts(int attempts) {
        return new TransactionRetry(attempts, first, longest, when, pause, random);
    }

    /** Which failures are run again, e.g. {@code SqlFailure::isIntegrityViolation} when the work looks again at what a concurrent writer took. */
    public TransactionRetry when(Predicate<SqlFailure> when) {
        return new TransactionRetry(attempts, first, longest, Objects.requireNonNull(when), pause, random);
    }

    /** Pauses of about {@code first} after the first failure, doubling up to {@code longest}; each one drawn at random below its bound. */
    public TransactionRetry backoff(Duration first, Duration longest) {
        return new TransactionRetry(attempts, first, longest, when, pause, random);
    }

    /** For tests: how to wait and where the jitter comes from. */
    public TransactionRetry pausing(Pause pause, LongBinaryOperator random) {
        return new TransactionRetry(attempts, first, longest, when, Objects.requireNonNull(pause), Objects.requireNonNull(random));
    }

    /**
     * Runs {@code transaction} until it returns, fails for a reason not retried, or has run {@link #attempts} times;
     * then its last failure is thrown as it was. {@code what} names the work in the log.
     */
    public <T> T run(String what, Supplier<T> transaction) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                SqlFailure failure = SqlFailure.of(e);
                if (attempt >= attempts || !when.test(failure)) {
                    throw e;
                }
                Duration wait = pauseBefore(attempt + 1);
                LOG.debug("{}: {} ({}) on attempt {}, again in {} ms", what, failure, SqlFailure.sqlState(e), attempt, wait.toMillis());
                try {
                    pause.pause(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** {@link #run(String, Supplier)} of work without a result. */
    public void run(String what, Runnable transaction) {
        run(what, () -> {
            transaction.run();
            return null;
        });
    }

    /** The pause before attempt {@code next} (2 or more): at random in [first, min(longest, first * 2^(next-2)))]. */
    Duration pauseBefore(int next) {
        long low = first.toMillis();
        long bound = low << Math.min(next - 2, 20);
        long high = Math.max(low, Math.min(longest.toMillis(), bound));
        return Duration.ofMillis(random.applyAsLong(low, high));
    }

    public int attempts() {
        return attempts;
    }
}
