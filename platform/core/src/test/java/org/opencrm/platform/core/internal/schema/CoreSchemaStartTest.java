package org.opencrm.platform.core.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.persistence.testing.InMemoryJpa;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The core's schema is migrated by the task handed to the runner, not in the activation, and offered only when it is
 * at the latest version; a stop waits for a migration under way and leaves nothing registered, and a stop while the
 * schema is being offered withdraws it.
 */
class CoreSchemaStartTest {
    private final InMemoryJpa jpa = new InMemoryJpa("crm-core");
    /** What the bundle context was asked to register, and how many registrations were withdrawn. */
    private final List<Object> registered = new ArrayList<>();
    private final AtomicInteger unregistered = new AtomicInteger();
    private final BundleContext context = recordingContext();
    /** Run inside registerService, before it returns (a stop arriving meanwhile). */
    private Runnable stopDuringRegistration = () -> { };
    /** The task the component handed to its runner, run when the test says. */
    private final List<Runnable> pending = new ArrayList<>();

    @AfterEach
    void close() {
        jpa.close();
    }

    @Test
    void migratesOnTheRunnerThenOffersTheSchema() {
        CoreSchemaStart start = new CoreSchemaStart(context, jpa, jpa.database().dataSource(), pending::add);
        assertEquals(List.of(), registered, "nothing offered before the migration ran");
        assertEquals(1, pending.size(), "the migration is handed to the runner instead of running in the activation");

        pending.get(0).run();

        assertEquals(1, registered.size());
        CoreSchema schema = (CoreSchema) registered.get(0);
        assertEquals(CoreSchema.STEPS.latestVersion(), schema.migrated().to(), "offered at the latest version");
        start.deactivate();
        assertEquals(1, unregistered.get(), "withdrawn with the component");
    }

    @Test
    void aStopWhileTheSchemaIsBeingOfferedWithdrawsIt() {
        CoreSchemaStart[] start = new CoreSchemaStart[1];
        stopDuringRegistration = () -> start[0].deactivate();
        start[0] = new CoreSchemaStart(context, jpa, jpa.database().dataSource(), pending::add);

        pending.get(0).run();

        assertEquals(1, registered.size(), "it was registered");
        assertEquals(1, unregistered.get(), "and withdrawn by the stop that came meanwhile");
    }

    @Test
    void aStopWaitsForTheMigrationUnderWay() throws Exception {
        java.util.concurrent.CountDownLatch migrating = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch mayEnd = new java.util.concurrent.CountDownLatch(1);
        JpaTemplate slow = (JpaTemplate) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { JpaTemplate.class },
                (proxy, method, args) -> {
                    migrating.countDown();
                    mayEnd.await();
                    return method.invoke(jpa, args);
                });
        CoreSchemaStart start = new CoreSchemaStart(context, slow, jpa.database().dataSource(), task -> new Thread(task).start());
        assertTrue(migrating.await(30, java.util.concurrent.TimeUnit.SECONDS));
        Thread stopper = new Thread(start::deactivate);
        stopper.start();
        stopper.join(300);
        assertTrue(stopper.isAlive(), "the stop waits while the migration runs");
        mayEnd.countDown();
        stopper.join(30_000);
        assertFalse(stopper.isAlive(), "and ends with it");
        assertEquals(List.of(), registered, "a component stopped during its migration registers nothing");
        assertEquals(0, unregistered.get());
    }

    @Test
    void aFailedMigrationOffersNothing() {
        JpaTemplate broken = (JpaTemplate) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { JpaTemplate.class },
                (proxy, method, args) -> {
                    throw new IllegalStateException("the database is unreachable");
                });
        CoreSchemaStart start = new CoreSchemaStart(context, broken, jpa.database().dataSource(), Runnable::run);

        assertEquals(List.of(), registered, "what needs the schema stays waiting");
        start.deactivate();
        assertEquals(0, unregistered.get());
    }

    @SuppressWarnings("unchecked")
    private BundleContext recordingContext() {
        ServiceRegistration<Object> registration = (ServiceRegistration<Object>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ServiceRegistration.class }, (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        unregistered.incrementAndGet();
                    }
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { BundleContext.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        registered.add(args[1]);
                        stopDuringRegistration.run();
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
