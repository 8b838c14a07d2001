package org.opencrm.platform.core.internal.schema;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the core's schema to the latest version on a thread of its own and then offers {@link CoreSchema} as a
 * service. Why not in the activation: the unit and the DataSource arrive inside a service event, on the thread that
 * registered the DataSource (on a first start the features service's one thread, which starts every bundle one after
 * the other). EclipseLink's tables and the migration steps (1–2 s on a first start) held that event, so the
 * security unit, waiting for the same DataSource, and every bundle after the core waited too, and the administrator's
 * creation ended the start. Now they go on beside the schema; what needs the schema waits for the service as before.
 * <p>
 * A stop waits (at most {@value #STOP_WAIT_SECONDS} s) for a migration under way, so that the next activation's
 * migration never runs beside it; a failed migration is logged at ERROR with its step, and contacts and the audit trail
 * stay unavailable (readiness names them) until the unit or the DataSource comes again.
 */
@Component(immediate = true)
public class CoreSchemaStart {
    private static final Logger LOG = LoggerFactory.getLogger(CoreSchemaStart.class);

    static final int STOP_WAIT_SECONDS = 30;

    private final Object lock = new Object();
    /** Counted down when the migration has ended, however it ended. */
    private final CountDownLatch migrated = new CountDownLatch(1);
    private boolean stopped;
    private ServiceRegistration<CoreSchema> registration;

    @Activate
    public CoreSchemaStart(BundleContext context, @Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        this(context, jpa, dataSource, CoreSchemaStart::inBackground);
    }

    /** For tests: {@code runner} runs the migration and the service's registration. */
    CoreSchemaStart(BundleContext context, JpaTemplate jpa, DataSource dataSource, Executor runner) {
        runner.execute(() -> migrateAndOffer(context, jpa, dataSource));
    }

    private static void inBackground(Runnable task) {
        Thread worker = new Thread(task, "opencrm-core-schema");
        worker.setDaemon(true);
        worker.start();
    }

    private void migrateAndOffer(BundleContext context, JpaTemplate jpa, DataSource dataSource) {
        CoreSchema schema;
        try {
            schema = new CoreSchema(jpa, dataSource);
        } catch (Throwable e) {
            if (isStopped()) {
                LOG.debug("the core's schema migration ended with the core's stop", e);
            } else {
                // as a failed activation before: the core's services stay unsatisfied until the unit or DataSource is
                // offered again (the next start tries again)
                LOG.error("OpenCRM: the core's schema could not be brought up to date; contacts and the audit trail wait for it: {}",
                        e.toString(), e);
            }
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return;
        } finally {
            migrated.countDown();
        }
        synchronized (lock) {
            if (stopped) {
                return;
            }
        }
        // registered outside the lock: the core's services are activated in this call
        ServiceRegistration<CoreSchema> offered;
        try {
            offered = context.registerService(CoreSchema.class, schema, null);
        } catch (IllegalStateException stoppedMeanwhile) {
            return; // the bundle stopped
        }
        boolean withdraw;
        synchronized (lock) {
            registration = offered;
            withdraw = stopped;
        }
        if (withdraw) {
            unregister(offered);
        }
    }

    private boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<CoreSchema> offered;
        synchronized (lock) {
            stopped = true;
            offered = registration;
            registration = null;
        }
        if (offered != null) {
            unregister(offered);
        }
        // not the registration, only the migration: the registration activates the core's services, which may wait for
        // what this stop holds
        try {
            if (!migrated.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("OpenCRM: the core's schema migration still runs after {} s; the core stops without waiting for it", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void unregister(ServiceRegistration<CoreSchema> offered) {
        try {
            offered.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered with the bundle's stop
        }
    }
}
