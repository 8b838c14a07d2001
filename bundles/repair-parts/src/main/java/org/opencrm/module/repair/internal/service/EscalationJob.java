package org.opencrm.module.repair.internal.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opencrm.module.repair.internal.RepairConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Escalates overdue service requests every {@code escalationIntervalMinutes} on one background thread while the module runs. */
@Component(configurationPid = RepairConfig.PID)
public class EscalationJob {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationJob.class);
    private final ScheduledExecutorService timer;

    @Activate
    public EscalationJob(@Reference ServiceRequestService requests, RepairConfig config) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "repair-escalation");
            t.setDaemon(true);
            return t;
        });
        int minutes = config.escalationIntervalMinutes();
        if (minutes > 0) {
            timer.scheduleWithFixedDelay(() -> {
                try {
                    int n = requests.escalateOverdue();
                    if (n > 0) {
                        LOG.info("Escalated {} overdue service requests", n);
                    }
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
