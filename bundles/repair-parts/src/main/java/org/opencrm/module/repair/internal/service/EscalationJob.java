package org.opencrm.module.repair.internal.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opencrm.module.repair.internal.RepairConfig;
import org.opencrm.platform.api.cluster.JobLeases;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates overdue service requests every {@code escalationIntervalMinutes} on one background thread while the module
 * runs, on one node of the cluster at a time (the platform's job lease {@value #LEASE}, twice the period long).
 */
@Component(configurationPid = RepairConfig.PID)
public class EscalationJob {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationJob.class);
    static final String LEASE = "repair.escalation";
    private final ScheduledExecutorService timer;

    @Activate
    public EscalationJob(@Reference ServiceRequestService requests, @Reference JobLeases leases, RepairConfig config) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "repair-escalation");
            t.setDaemon(true);
            return t;
        });
        int minutes = config.escalationIntervalMinutes();
        if (minutes > 0) {
            Duration lease = Duration.ofMinutes(minutes).multipliedBy(2);
            timer.scheduleWithFixedDelay(() -> {
                try {
                    leases.runIfHolder(LEASE, lease, () -> {
                        int n = requests.escalateOverdue();
                        if (n > 0) {
                            LOG.info("Escalated {} overdue service requests", n);
                        }
                    });
                } catch (RuntimeException e) {
                    LOG.error("Escalation of overdue service requests failed", e);
                }
            }, 1, minutes, TimeUnit.MINUTES);
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
