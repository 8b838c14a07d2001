package org.opencrm.platform.persistence.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * One in-memory Derby database for unit tests, with the transaction a JTA transaction manager gives in the runtime:
 * every persistence unit ({@link InMemoryJpa}) working on a thread inside one transaction writes through the same JDBC
 * connection, so the core's audit entry and a module's change commit or roll back together, and a module's query
 * reads the core's uncommitted rows of the same transaction. A failure inside a joined call marks the transaction for
 * rollback, as Aries JPA does; RequiresNew suspends it (a connection of its own). Each thread has its own connection,
 * so row locks and races are Derby's own.
 */
public final class InMemoryDatabase implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final String url;
    private final ThreadLocal<Deque<Transaction>> transactions = ThreadLocal.withInitial(ArrayDeque::new);
    private final DataSource dataSource;

    /** {@code name}: a label for the database (it gets a unique suffix). */
    public InMemoryDatabase(String name) {
        url = "jdbc:derby:memory:" + name + DATABASES.incrementAndGet();
        try {
            DriverManager.getConnection(url + ";create=true").close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + url, e);
        }
        dataSource = (DataSource) Proxy.newProxyInstance(InMemoryDatabase.class.getClassLoader(), new Class<?>[] { DataSource.class }, (p, m, args) -> {
            switch (m.getName()) {
                case "getConnection":
                    return connection();
                case "getLogWriter":
                    return (PrintWriter) null;
                case "getParentLogger":
                    return Logger.getGlobal();
                case "getLoginTimeout":
                    return 0;
                case "isWrapperFor":
                    return false;
                case "hashCode":
                    return System.identityHashCode(p);
                case "equals":
                    return p == args[0];
                case "toString":
                    return url;
                default:
                    return null; // setLogWriter, setLoginTimeout
            }
        });
    }

    /** What the persistence units connect through: inside a transaction, the thread's transaction's connection. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} in the thread's transaction, beginning one when there is none or {@code requiresNew}; the call
     * that began it commits it (or rolls it back when the work failed or a joined call failed).
     */
    public <R> R transaction(boolean requiresNew, Supplier<R> work) {
        Deque<Transaction> stack = transactions.get();
        if (!stack.isEmpty() && !requiresNew) {
            Transaction tx = stack.peek();
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                tx.rollbackOnly = true; // Aries JPA: a failed call that joined marks the transaction
                throw e;
            }
        }
        Transaction tx = new Transaction(open(false));
        stack.push(tx);
        boolean committed = false;
        try {
            R result = work.get();
            if (tx.rollbackOnly) {
                throw new javax.persistence.RollbackException("the transaction was marked for rollback by a call that failed inside it");
            }
            tx.physical.commit();
            committed = true;
            return result;
        } catch (SQLException e) {
            throw new javax.persistence.PersistenceException(e);
        } finally {
            stack.pop();
            try {
                if (!committed) {
                    tx.physical.rollback();
                }
                tx.physical.close();
            } catch (SQLException e) {
                // the outcome is already decided
            }
            for (Consumer<Boolean> c : tx.completion) {
                c.accept(committed);
            }
        }
    }

    /** Whether the calling thread is inside a transaction. */
    public boolean inTransaction() {
        return !transactions.get().isEmpty();
    }

    /** How many transactions the calling thread has open (suspended ones included). */
    public int depth() {
        return transactions.get().size();
    }

    /** Whether the thread's transaction will roll back. */
    public boolean rollbackOnly() {
        Transaction tx = transactions.get().peek();
        return tx != null && tx.rollbackOnly;
    }

    /** Called with true (committed) or false when the thread's current transaction ends. */
    public void onCompletion(Consumer<Boolean> completion) {
        Transaction tx = transactions.get().peek();
        if (tx == null) {
            throw new IllegalStateException("no transaction");
        }
        tx.completion.add(completion);
    }

    /** Per-transaction resources (for a TransactionSynchronizationRegistry). */
    public Map<Object, Object> resources() {
        Transaction tx = transactions.get().peek();
        if (tx == null) {
            throw new IllegalStateException("no transaction");
        }
        return tx.resources;
    }

    /** Rows of a table, counted outside any transaction of the thread (committed rows only). */
    public long count(String table) {
        try (Connection c = open(true); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection open(boolean autoCommit) {
        try {
            Connection c = DriverManager.getConnection(url);
            c.setAutoCommit(autoCommit);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Outside a transaction a connection of its own (schema generation); inside, the transaction's connection, whose
     * commit, rollback, auto-commit and close belong to the transaction, not to the persistence unit that asked.
     */
    private Connection connection() {
        Transaction tx = transactions.get().peek();
        if (tx == null) {
            return open(true);
        }
        Connection physical = tx.physical;
        return (Connection) Proxy.newProxyInstance(InMemoryDatabase.class.getClassLoader(), new Class<?>[] { Connection.class }, (p, m, args) -> {
            switch (m.getName()) {
                case "commit":
                case "setAutoCommit":
                case "close":
                    return null;
                case "rollback":
                    if (args == null) {
                        tx.rollbackOnly = true; // a unit gave up its part: the whole transaction goes
                        return null;
                    }
                    break;
                case "getAutoCommit":
                    return false;
                case "isClosed":
                    return false;
                case "equals":
                    return p == args[0];
                case "hashCode":
                    return System.identityHashCode(p);
                default:
            }
            try {
                return m.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** Drops the database. */
    @Override
    public void close() {
        try {
            DriverManager.getConnection(url + ";drop=true").close();
        } catch (SQLException e) {
            // Derby answers a successful drop with an exception (SQLState 08006)
        }
    }

    private static final class Transaction {
        final Connection physical;
        final List<Consumer<Boolean>> completion = new ArrayList<>();
        final Map<Object, Object> resources = new HashMap<>();
        volatile boolean rollbackOnly;

        Transaction(Connection physical) {
            this.physical = physical;
        }
    }
}
