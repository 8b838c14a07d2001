package org.opencrm.platform.core.internal.service;

import java.util.ArrayList;
import java.util.List;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The platform's {@link CrmEventPublisher}: inside a JTA transaction the events wait in the transaction (one
 * interposed synchronization per transaction, through the TransactionSynchronizationRegistry that the Aries/Geronimo
 * transaction manager registers) and go to EventAdmin only when it committed; outside a transaction they go at once.
 * Both services are optional and dynamic: without the registry every event goes at once (callers then post after the
 * transaction, as the API asks), without EventAdmin events are dropped.
 */
@Component(service = CrmEventPublisher.class)
public class AfterCommitEvents implements CrmEventPublisher {
    /** The key of the transaction's pending events in the registry's per-transaction resources. */
    private static final Object PENDING = AfterCommitEvents.class.getName() + ".pending";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionSynchronizationRegistry transactions;

    public AfterCommitEvents() {
    }

    /** For tests and for code outside DS: either may be null. */
    public AfterCommitEvents(EventAdmin eventAdmin, TransactionSynchronizationRegistry transactions) {
        this.eventAdmin = eventAdmin;
        this.transactions = transactions;
    }

    @Override
    public void post(CrmEvent event) {
        TransactionSynchronizationRegistry tx = transactions;
        int status = tx == null ? Status.STATUS_NO_TRANSACTION : tx.getTransactionStatus();
        if (status == Status.STATUS_ACTIVE) {
            pending(tx).add(event);
        } else if (status == Status.STATUS_MARKED_ROLLBACK || status == Status.STATUS_ROLLING_BACK || status == Status.STATUS_ROLLEDBACK) {
            return; // the change will not be there: neither will its event
        } else {
            send(List.of(event));
        }
    }

    @SuppressWarnings("unchecked")
    private List<CrmEvent> pending(TransactionSynchronizationRegistry tx) {
        List<CrmEvent> pending = (List<CrmEvent>) tx.getResource(PENDING);
        if (pending == null) {
            List<CrmEvent> created = new ArrayList<>();
            tx.putResource(PENDING, created);
            tx.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        send(created);
                    }
                }
            });
            pending = created;
        }
        return pending;
    }

    private void send(List<CrmEvent> events) {
        EventAdmin ea = eventAdmin; // the one bound when the change committed, not when it began
        if (ea == null) {
            return;
        }
        for (CrmEvent e : events) {
            ea.postEvent(new Event(e.topic(), e.properties()));
        }
    }
}
