package org.opencrm.module.channel.internal.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.opencrm.module.channel.internal.ChannelConfig;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic run while the module is active: the grade evaluation of every partner and the collection run (both
 * safe to repeat and to run on several nodes: a grade is set to what the figures say, a collection step is taken once
 * per invoice and level), every {@code runIntervalMinutes} (0: only on demand, with the shell command {@code channel:run}, or
 * {@code POST /api/v1/channel/collection-runs} for the collection alone).
 */
@Component(service = Maintenance.class, configurationPid = ChannelConfig.PID, immediate = true)
public class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    private final ScheduledExecutorService timer;

    @Activate
    public Maintenance(@Reference PartnerService partners, @Reference ReceivablesService receivables, ChannelConfig config) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "channel-finance-maintenance");
            t.setDaemon(true);
            return t;
        });
        if (config.runIntervalMinutes() > 0) {
            timer.scheduleWithFixedDelay(() -> {
                try {
                    int grades = partners.evaluateAll();
                    var collection = receivables.collect(CrmUser.SYSTEM);
                    LOG.info("Channel finance run: {} grade(s) changed, {} reminder(s), {} hold(s)", grades, collection.reminders(), collection.holds());
                } catch (RuntimeException e) {
                    LOG.error("Channel finance periodic run failed", e);
                }
            }, config.runIntervalMinutes(), config.runIntervalMinutes(), TimeUnit.MINUTES);
        }
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }
}
