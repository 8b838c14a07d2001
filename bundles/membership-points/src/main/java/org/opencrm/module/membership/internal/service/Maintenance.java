package org.opencrm.module.membership.internal.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.membership.internal.MembershipConfig;
import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.Reports;
import org.opencrm.module.membership.internal.model.MemberStatus;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.cluster.JobLeases;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic run (expiry of points due and tier evaluation of every member, in batches, one short transaction per
 * member so the till never waits long) and the outbox delivery, on one background thread while the module runs. Each
 * runs on one node of the cluster at a time: the platform's job leases {@value #EXPIRY_LEASE} and {@value #OUTBOX_LEASE},
 * twice their period long (at least {@link #MIN_LEASE}), so a second node takes over when the holder is gone.
 */
@Component(service = Maintenance.class, configurationPid = MembershipConfig.PID)
public class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    static final int BATCH = 500;
    static final String EXPIRY_LEASE = "membership.expiry-and-tiers";
    static final String OUTBOX_LEASE = "membership.outbox";
    static final Duration MIN_LEASE = Duration.ofSeconds(15);
    private final JpaTemplate jpa;
    private final LedgerService ledger;
    private final Outbox outbox;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService timer;
    private JobLeases leases;

    public Maintenance(JpaTemplate jpa, LedgerService ledger, Outbox outbox) {
        this.jpa = jpa;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    @Activate
    public Maintenance(@Reference(target = "(osgi.unit.name=crm-membership)") JpaTemplate jpa, @Reference LedgerService ledger, @Reference Outbox outbox,
            @Reference JobLeases leases, MembershipConfig config) {
        this(jpa, ledger, outbox);
        this.leases = leases;
        schedule(config);
    }

    /**
     * A changed configuration reschedules the runs in place: without this DS would deactivate the component, and with
     * it every component holding it (the members' REST endpoint answered 404 while etc/org.opencrm.membership.cfg changed).
     */
    @Modified
    void modified(MembershipConfig config) {
        stop();
        schedule(config);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private synchronized void schedule(MembershipConfig config) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "membership-maintenance");
            t.setDaemon(true);
            return t;
        });
        int outboxSeconds = Math.max(1, config.outboxIntervalSeconds());
        Duration outboxLease = lease(Duration.ofSeconds(outboxSeconds));
        timer.scheduleWithFixedDelay(() -> deliverQuietly(leases, outboxLease), outboxSeconds, outboxSeconds, TimeUnit.SECONDS);
        if (config.maintenanceIntervalMinutes() > 0) {
            Duration runLease = lease(Duration.ofMinutes(config.maintenanceIntervalMinutes()));
            timer.scheduleWithFixedDelay(() -> {
                try {
                    leases.runIfHolder(EXPIRY_LEASE, runLease, this::run);
                } catch (RuntimeException e) {
                    LOG.error("Membership expiry and tier run failed", e);
                }
            }, 2, config.maintenanceIntervalMinutes(), TimeUnit.MINUTES);
        }
    }

    private synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Runs now for an administrator (REST); 409 when a run is under way. */
    public Reports.MaintenanceRun run(CrmUser user) {
        user.require(MembershipModule.ADMIN);
        Reports.MaintenanceRun r = run();
        if (r == null) {
            throw new ConflictException("running", null, "a run is under way; try again when it has finished", "membership.runUnderWay");
        }
        return r;
    }

    /** Every open member with points or above the lowest tier, by id in batches; null when a run is already under way. */
    Reports.MaintenanceRun run() {
        if (!running.compareAndSet(false, true)) {
            return null;
        }
        try {
            long checked = 0;
            long expired = 0;
            long withExpiry = 0;
            long tiers = 0;
            long after = 0;
            while (true) {
                long from = after;
                // only members with something to do: points that may expire, or a tier above the lowest that may drop
                List<Long> ids = jpa.txExpr(TransactionType.Supports, em -> em
                        .createQuery("SELECT m.id FROM Member m WHERE m.id > :after AND m.status <> :closed AND (m.pointsBalance > 0 OR m.tier <> :lowest)"
                                + " ORDER BY m.id", Long.class)
                        .setParameter("after", from).setParameter("closed", MemberStatus.CLOSED).setParameter("lowest", ledger.lowestTier())
                        .setMaxResults(BATCH).getResultList());
                if (ids.isEmpty()) {
                    break;
                }
                for (long id : ids) {
                    long[] r = ledger.maintain(id);
                    checked++;
                    expired += r[0];
                    withExpiry += r[0] > 0 ? 1 : 0;
                    tiers += r[1];
                }
                after = ids.get(ids.size() - 1);
            }
            Reports.MaintenanceRun out = new Reports.MaintenanceRun(checked, expired, withExpiry, tiers);
            LOG.info("Membership run: {}", out);
            return out;
        } finally {
            running.set(false);
        }
    }

    public int deliver() {
        int sent = 0;
        int n;
        do {
            n = outbox.deliver(200);
            sent += n;
        } while (n == 200);
        return sent;
    }

    /** Twice the period, at least {@link #MIN_LEASE}. */
    static Duration lease(Duration period) {
        Duration twice = period.multipliedBy(2);
        return twice.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : twice;
    }

    private void deliverQuietly(JobLeases leases, Duration lease) {
        try {
            leases.runIfHolder(OUTBOX_LEASE, lease, this::deliver);
        } catch (RuntimeException e) {
            LOG.warn("Notification outbox delivery failed: {}", e.toString());
        }
    }
}
