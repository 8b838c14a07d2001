package org.opencrm.platform.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.event.CrmEvents;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Events wait for their transaction: posted when it commits, dropped when it rolls back, at once without one. */
class AfterCommitEventsTest {
    private final List<Event> posted = new ArrayList<>();
    private final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("events are posted, never sent synchronously");
        }
    };
    private final Tx tx = new Tx();

    private List<String> topics() {
        return posted.stream().map(Event::getTopic).toList();
    }

    @Test
    void withoutATransactionTheEventGoesAtOnce() {
        new AfterCommitEvents(eventAdmin, tx).post("crm/x/A", "admin", "id", 1L, "none", null);
        assertEquals(List.of("crm/x/A"), topics());
        assertEquals("admin", posted.get(0).getProperty(CrmEvents.ACTOR));
        assertEquals(1L, posted.get(0).getProperty("id"));
        assertTrue(!posted.get(0).containsProperty("none"));
    }

    @Test
    void insideATransactionEventsWaitForTheCommitAndKeepTheirOrder() {
        AfterCommitEvents events = new AfterCommitEvents(eventAdmin, tx);
        tx.begin();
        events.post("crm/x/A", "admin");
        events.post("crm/x/B", "admin");
        assertEquals(List.of(), topics(), "nothing before the commit");
        assertEquals(1, tx.synchronizations.size(), "one synchronization per transaction");
        tx.end(Status.STATUS_COMMITTED);
        assertEquals(List.of("crm/x/A", "crm/x/B"), topics());

        tx.begin();
        events.post("crm/x/C", "admin");
        tx.end(Status.STATUS_COMMITTED);
        assertEquals(List.of("crm/x/A", "crm/x/B", "crm/x/C"), topics(), "the next transaction has its own list");
    }

    @Test
    void aRolledBackTransactionPostsNothing() {
        AfterCommitEvents events = new AfterCommitEvents(eventAdmin, tx);
        tx.begin();
        events.post("crm/x/A", "admin");
        tx.end(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of(), topics());

        tx.begin();
        tx.status = Status.STATUS_MARKED_ROLLBACK;
        events.post("crm/x/B", "admin");
        tx.end(Status.STATUS_ROLLEDBACK);
        assertEquals(List.of(), topics(), "an event of a transaction already doomed is dropped");
    }

    @Test
    void eventAdminAndTheRegistryAreOptional() {
        new AfterCommitEvents(null, tx).post("crm/x/A", "admin"); // no EventAdmin: dropped silently
        new AfterCommitEvents(eventAdmin, null).post("crm/x/B", "admin"); // no registry: at once
        assertEquals(List.of("crm/x/B"), topics());
    }

    /** A TransactionSynchronizationRegistry for one thread and one transaction at a time. */
    private static final class Tx implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_NO_TRANSACTION;
        Object key;
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();

        void begin() {
            status = Status.STATUS_ACTIVE;
            key = new Object();
            resources.clear();
            synchronizations.clear();
        }

        void end(int outcome) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
            status = Status.STATUS_NO_TRANSACTION;
            key = null;
        }

        @Override
        public Object getTransactionKey() {
            return key;
        }

        @Override
        public void putResource(Object k, Object value) {
            resources.put(k, value);
        }

        @Override
        public Object getResource(Object k) {
            return resources.get(k);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
