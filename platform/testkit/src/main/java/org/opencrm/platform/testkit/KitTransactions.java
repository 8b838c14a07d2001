package org.opencrm.platform.testkit;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.opencrm.platform.persistence.testing.InMemoryDatabase;

/**
 * The kit's stand-in for the transaction manager's registry, over the database's per-thread transactions, so the
 * core's event publisher holds events until the transaction commits and drops them when it rolls back, as it does
 * under the Aries transaction manager.
 */
final class KitTransactions implements TransactionSynchronizationRegistry {
    private final InMemoryDatabase database;

    KitTransactions(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public int getTransactionStatus() {
        if (!database.inTransaction()) {
            return Status.STATUS_NO_TRANSACTION;
        }
        return database.rollbackOnly() ? Status.STATUS_MARKED_ROLLBACK : Status.STATUS_ACTIVE;
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        database.onCompletion(committed -> sync.afterCompletion(committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK));
    }

    @Override
    public void putResource(Object key, Object value) {
        database.resources().put(key, value);
    }

    @Override
    public Object getResource(Object key) {
        return database.resources().get(key);
    }

    @Override
    public Object getTransactionKey() {
        return database.inTransaction() ? database.resources() : null;
    }

    @Override
    public void setRollbackOnly() {
        throw new UnsupportedOperationException("the kit's transactions are marked by a failing call");
    }

    @Override
    public boolean getRollbackOnly() {
        return database.rollbackOnly();
    }
}
