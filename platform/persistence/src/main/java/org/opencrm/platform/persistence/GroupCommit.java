package org.opencrm.platform.persistence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of short, independent writes (points, stock, credit at a till): requests queued by many threads are
 * applied by a few committer threads, many in one transaction, and each caller is answered only after that transaction
 * committed. One transaction and one log flush then carry a whole batch instead of one request, and the statements of
 * the batch go to the database together when it commits.
 *
 * <p>Each request stays separate:
 * <ul>
 * <li>Requests that share a {@link Request#keys() key} (a member, a client reference) never meet in one batch, nor in
 * two batches running at once, and run in the order they were submitted: a later request sees what an earlier one of
 * the same key wrote, as committed data.</li>
 * <li>A request {@link Request#check checks} before it writes: a refusal thrown by the check writes nothing, answers
 * only that request, and the batch goes on without it (no savepoint needed).</li>
 * <li>When the batch transaction fails anyway (a write that failed, a constraint at commit, a lock race after the
 * retries), every request of the batch is run again in a transaction of its own, so a failing request fails alone.</li>
 * </ul>
 * Within a batch the checks run in the order of the {@code lockOrder} comparator (e.g. by member id), so batches on two
 * nodes lock rows in the same order and do not deadlock each other; a deadlock or lock timeout is retried with
 * {@link TransactionRetry}.
 *
 * <p>Threads: {@code committers} threads, started by {@link #start} and stopped by {@link #close} (the owning component
 * calls them from its activate and deactivate); {@link #resize} changes their number and the batch size while requests
 * flow (from a component's modified method, so a changed configuration loses no request). Requests still queued when
 * it closes fail with {@link IllegalStateException}; a request already in a batch is answered when its batch ends.
 *
 * @param <C> what the transaction gives the work, e.g. an {@code EntityManager}
 */
public final class GroupCommit<C> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Runs {@code body} in one new transaction and returns once it committed; throws when it rolled back. */
    @FunctionalInterface
    public interface Transactions<C> {
        void run(Consumer<C> body);
    }

    /** One request: the keys it must not share a batch with, and its work. */
    public interface Request<C, R> {
        /** E.g. {@code "member:42"} and {@code "reference:T-1"}: requests sharing one run one after the other, in order. */
        Collection<?> keys();

        /**
         * Reads and checks inside the batch's transaction (and takes its locks); throws a refusal before writing
         * anything. Returns the write to do, which returns the answer. Called again when the batch is run again, so it
         * must start from scratch each time.
         */
        Write<C, R> check(C tx);
    }

    /** The writes of a request that passed its check; returns its answer (given to the caller after the commit). */
    @FunctionalInterface
    public interface Write<C, R> {
        R write(C tx);

        /** A check that found nothing to write (e.g. a repeated reference answered with the first result). */
        static <C, R> Write<C, R> answer(R result) {
            return tx -> result;
        }
    }

    private final String name;
    private final Transactions<C> transactions;
    private final TransactionRetry retry;
    /** Guarded by {@code queue}, as are {@code wanted} and {@code committers}. */
    private int maxBatch;
    private int wanted;
    private int threadNumber;
    private final Comparator<Request<C, ?>> lockOrder;
    private final ArrayDeque<Pending<C, ?>> queue = new ArrayDeque<>();
    /** Keys of the requests in batches being run now. */
    private final Set<Object> running = new HashSet<>();
    private final List<Thread> committers = new ArrayList<>();
    private boolean closed;

    private static final class Pending<C, R> {
        final Request<C, R> request;
        final Collection<?> keys;
        final CompletableFuture<R> answer = new CompletableFuture<>();
        Write<C, R> write;
        RuntimeException refusal;
        R result;

        Pending(Request<C, R> request) {
            this.request = request;
            this.keys = List.copyOf(request.keys());
        }

        void run(C tx) {
            write = null;
            refusal = null;
            result = null;
            try {
                write = request.check(tx);
            } catch (RuntimeException e) {
                refusal = e;
                return;
            }
            result = write.write(tx);
        }

        void answer() {
            if (refusal != null) {
                answer.completeExceptionally(refusal);
            } else {
                answer.complete(result);
            }
        }
    }

    private GroupCommit(String name, Transactions<C> transactions, TransactionRetry retry, int maxBatch, Comparator<Request<C, ?>> lockOrder) {
        this.name = name;
        this.transactions = transactions;
        this.retry = retry;
        this.maxBatch = maxBatch;
        this.lockOrder = lockOrder;
    }

    /**
     * Starts {@code committers} threads named after {@code name}, each applying up to {@code maxBatch} requests per
     * transaction, checked in {@code lockOrder}.
     */
    public static <C> GroupCommit<C> start(String name, Transactions<C> transactions, TransactionRetry retry, int committers, int maxBatch,
            Comparator<Request<C, ?>> lockOrder) {
        if (committers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("committers and maxBatch must be at least 1");
        }
        GroupCommit<C> g = new GroupCommit<>(name, Objects.requireNonNull(transactions), Objects.requireNonNull(retry), maxBatch,
                Objects.requireNonNull(lockOrder));
        g.resize(committers, maxBatch);
        return g;
    }

    /**
     * Runs {@code committers} threads from now on, each taking up to {@code maxBatch} requests per transaction. Added
     * threads start at once; surplus ones end after their current batch. No queued request is lost or reordered.
     */
    public void resize(int committers, int maxBatch) {
        if (committers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("committers and maxBatch must be at least 1");
        }
        List<Thread> started = new ArrayList<>();
        boolean changed;
        synchronized (queue) {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            changed = this.maxBatch != maxBatch || this.wanted != committers;
            this.maxBatch = maxBatch;
            this.wanted = committers;
            while (this.committers.size() < committers) {
                Thread t = new Thread(this::commitLoop, name + "-committer-" + ++threadNumber);
                t.setDaemon(true);
                this.committers.add(t);
                started.add(t);
            }
            queue.notifyAll();
        }
        started.forEach(Thread::start);
        if (changed) {
            LOG.info("{}: {} committer threads, up to {} requests per transaction", name, committers, maxBatch);
        }
    }

    /** The committer threads running now (surplus ones count until their batch ended). */
    public int committers() {
        synchronized (queue) {
            return committers.size();
        }
    }

    /** Queues the request; the future completes after its batch committed (or with its refusal or failure). */
    public <R> CompletableFuture<R> submit(Request<C, R> request) {
        Pending<C, R> p = new Pending<>(Objects.requireNonNull(request));
        synchronized (queue) {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            queue.addLast(p);
            queue.notifyAll();
        }
        return p.answer;
    }

    /** {@link #submit} and waits: returns the answer, or throws the request's own exception as it was. */
    public <R> R apply(Request<C, R> request) {
        CompletableFuture<R> f = submit(request);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    // the request may be in a batch that is committing: its answer is waited for, not abandoned
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the committers after their current batch; requests still queued fail. */
    @Override
    public void close() {
        List<Pending<C, ?>> left;
        List<Thread> threads;
        synchronized (queue) {
            closed = true;
            threads = new ArrayList<>(committers);
            left = new ArrayList<>(queue);
            queue.clear();
            queue.notifyAll();
        }
        for (Pending<C, ?> p : left) {
            p.answer.completeExceptionally(new IllegalStateException(name + " was stopped before this request ran"));
        }
        for (Thread t : threads) {
            if (t != Thread.currentThread()) {
                try {
                    t.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void commitLoop() {
        while (true) {
            List<Pending<C, ?>> batch;
            try {
                batch = take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == null) {
                return;
            }
            try {
                run(batch);
            } catch (RuntimeException | Error e) {
                LOG.error("{}: a batch of {} failed unexpectedly", name, batch.size(), e);
                batch.forEach(p -> p.answer.completeExceptionally(e));
            } finally {
                synchronized (queue) {
                    batch.forEach(p -> running.removeAll(p.keys));
                    queue.notifyAll();
                }
            }
        }
    }

    /** The next batch: queued requests in order, skipping those that share a key with a running or an earlier queued one. */
    List<Pending<C, ?>> take() throws InterruptedException {
        synchronized (queue) {
            while (true) {
                if (closed) {
                    return null;
                }
                if (committers.size() > wanted && committers.remove(Thread.currentThread())) {
                    // resized down: this committer ends between batches; the queue is left to the others
                    queue.notifyAll();
                    return null;
                }
                List<Pending<C, ?>> batch = new ArrayList<>();
                Set<Object> taken = new HashSet<>(running);
                for (Iterator<Pending<C, ?>> it = queue.iterator(); it.hasNext() && batch.size() < maxBatch;) {
                    Pending<C, ?> p = it.next();
                    boolean free = true;
                    for (Object k : p.keys) {
                        if (taken.contains(k)) {
                            free = false;
                            break;
                        }
                    }
                    // a skipped request's keys stay taken too: a later request of the same key must not overtake it
                    taken.addAll(p.keys);
                    if (free) {
                        batch.add(p);
                        it.remove();
                    }
                }
                if (!batch.isEmpty()) {
                    batch.forEach(p -> running.addAll(p.keys));
                    return batch;
                }
                queue.wait();
            }
        }
    }

    private void run(List<Pending<C, ?>> batch) {
        List<Pending<C, ?>> ordered = new ArrayList<>(batch);
        ordered.sort((a, b) -> lockOrder.compare(a.request, b.request));
        try {
            retry.run(name, () -> transactions.run(tx -> {
                for (Pending<C, ?> p : ordered) {
                    p.run(tx);
                }
            }));
        } catch (RuntimeException e) {
            if (ordered.size() == 1) {
                ordered.get(0).answer.completeExceptionally(e);
                return;
            }
            // which request broke the batch is not known (a constraint at commit names no request): each alone
            LOG.debug("{}: a batch of {} failed ({}); running each request in a transaction of its own", name, ordered.size(), e.toString());
            for (Pending<C, ?> p : ordered) {
                run(List.of(p));
            }
            return;
        }
        ordered.forEach(Pending::answer);
    }
}
