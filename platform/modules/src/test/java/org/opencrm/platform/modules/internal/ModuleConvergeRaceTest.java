package org.opencrm.platform.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.CrmUser;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * A poll of the cluster's module set that overlaps an administrator's disable must not undo it: the poll reads the set
 * inside the change lock, so it reads either the set before the disable (and the disable then runs after it) or the
 * set after it. Before 1fe6b21 the poll read outside the lock and re-enabled the module a moment later (seen under
 * load in RepairPartsIT). The features service and the framework are test doubles; the module set is the real table
 * on in-memory Derby.
 */
class ModuleConvergeRaceTest {
    private static final String ID = "sample-notes";

    @Test
    void aDisableDuringAPollOfTheModuleSetStaysDisabled() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:convergerace");
        ds.setCreateDatabase("create");
        CountDownLatch pollReading = new CountDownLatch(1);
        CountDownLatch releasePoll = new CountDownLatch(1);
        // the poll's read sees the set as it was when it began, then waits until the test lets it return
        ModuleSetStore store = new ModuleSetStore(ds) {
            volatile boolean first = true;

            @Override
            public Map<String, Boolean> read() {
                Map<String, Boolean> snapshot = super.read();
                if (first && Thread.currentThread().getName().equals("poll")) {
                    first = false;
                    pollReading.countDown();
                    await(releasePoll);
                }
                return snapshot;
            }
        };
        store.record(ID, true, "alice");

        Set<String> installed = ConcurrentHashMap.newKeySet();
        installed.add("crm-" + ID);
        AtomicReference<ModuleManager> manager = new AtomicReference<>();
        CrmModule descriptor = new CrmModule() {
            @Override
            public String id() {
                return ID;
            }

            @Override
            public String name() {
                return "Sample notes";
            }
        };
        Feature feature = proxy(Feature.class, (m, a) -> switch (m) {
            case "getName" -> "crm-" + ID;
            case "getVersion" -> "1.0.0";
            case "getDescription" -> "notes";
            case "getDependencies", "getBundles" -> List.of();
            default -> null;
        });
        FeaturesService features = proxy(FeaturesService.class, (m, a) -> switch (m) {
            case "listFeatures" -> new Feature[] {feature};
            case "getFeature" -> feature;
            case "isInstalled", "isRequired" -> installed.contains(((Feature) a[0]).getName());
            case "installFeature" -> {
                installed.add((String) a[0]);
                manager.get().addModule(descriptor);
                yield null;
            }
            case "uninstallFeature" -> {
                installed.remove((String) a[0]);
                manager.get().removeModule(descriptor);
                yield null;
            }
            default -> null;
        });
        BundleContext context = proxy(BundleContext.class, (m, a) -> null);
        ServiceComponentRuntime scr = proxy(ServiceComponentRuntime.class, (m, a) -> null);
        ModulesConfig config = proxy(ModulesConfig.class, (m, a) -> switch (m) {
            case "startTimeoutSeconds" -> 1;
            case "maxPackageMegabytes" -> 100;
            case "clusterPollMillis" -> TimeUnit.HOURS.toMillis(1); // the test polls by hand
            case "annotationType" -> ModulesConfig.class;
            default -> null;
        });
        ModuleManager mm = new ModuleManager(features, scr, context, config);
        manager.set(mm);
        // the optional reference DS would inject
        java.lang.reflect.Field clusterSet = ModuleManager.class.getDeclaredField("clusterSet");
        clusterSet.setAccessible(true);
        clusterSet.set(mm, store);
        mm.addModule(descriptor);
        try {
            Thread poll = new Thread(mm::converge, "poll");
            poll.start();
            assertTrue(pollReading.await(30, TimeUnit.SECONDS), "the poll reads the module set");

            Thread admin = new Thread(() -> mm.disable(CrmUser.SYSTEM, ID), "admin");
            admin.start();
            // the administrator's disable either waits for the poll's lock (as it must) or, with the old race, finishes
            waitUntil(() -> admin.getState() == Thread.State.BLOCKED || !admin.isAlive());
            releasePoll.countDown();
            poll.join(TimeUnit.SECONDS.toMillis(30));
            admin.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(poll.isAlive() || admin.isAlive(), "both finish");

            assertFalse(installed.contains("crm-" + ID), "the module stays disabled on this node");
            assertEquals(Map.of(ID, false), store.read(), "and in the cluster's set");
            // a later poll agrees with it rather than bringing the module back
            assertEquals(List.of(), mm.converge());
            assertFalse(installed.contains("crm-" + ID));
        } finally {
            mm.deactivate();
        }
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> switch (m.getName()) {
            case "hashCode" -> System.identityHashCode(p);
            case "equals" -> p == a[0];
            case "toString" -> type.getSimpleName() + " double";
            default -> answer.answer(m.getName(), a);
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!state.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("state not reached in 30 s");
            }
            Thread.onSpinWait();
            Thread.sleep(1); // yields the CPU between checks of a thread state, which posts no event to wait on
        }
    }
}
