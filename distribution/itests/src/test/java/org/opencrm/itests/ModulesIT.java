package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Modules come and go at runtime without touching anything else: no other bundle stops, restarts or is
 * refreshed; a module's REST resource answers after enable and is gone after disable; its data survives.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ModulesIT extends CrmTestSupport {
    private static final String NOTES_BUNDLE = "module-sample-notes";

    @Test
    public void everyModuleIsListedWithItsState() {
        JsonNode modules = get("modules").expect(200).json();
        Map<String, JsonNode> byId = new TreeMap<>();
        modules.get("items").forEach(m -> byId.put(m.get("id").asText(), m));
        assertTrue(byId.keySet().toString(), byId.keySet().containsAll(List.of("sample-notes", "sample-broken")));
        JsonNode notes = byId.get("sample-notes");
        assertTrue(notes.toString(), List.of("ACTIVE", "AVAILABLE").contains(notes.get("state").asText()));
        assertEquals("crm-sample-notes", notes.get("feature").asText());
        assertNotNull(notes.get("version").asText());
        get("modules/no-such-module").expect(404);
        post("modules/no-such-module/enable", "").expect(404);
    }

    @Test
    public void enableUseDisableEnableWithoutRefreshingAnythingElse() {
        if ("ACTIVE".equals(get("modules/sample-notes").json().get("state").asText())) {
            post("modules/sample-notes/disable", "").expect(200);
        }
        call("GET", "sample-notes?contactId=1", ADMIN, ADMIN_PASSWORD, null, null).expect(404);
        long contact = createContact("黄蓉", newMobile(), null);

        Map<Long, String> before = otherBundles();
        List<String> events = new CopyOnWriteArrayList<>();
        BundleListener bundleEvents = e -> {
            if (!e.getBundle().getLocation().contains(NOTES_BUNDLE)) {
                events.add(e.getBundle().getSymbolicName() + " " + bundleEventName(e.getType()));
            }
        };
        // Karaf flushes the uninstalled module bundle with a refresh of that bundle alone; any other bundle caught
        // in a refresh would show up above as STOPPED / UNRESOLVED / RESOLVED / STARTED
        List<String> refreshes = new CopyOnWriteArrayList<>();
        FrameworkListener refreshListener = e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshes.add("PACKAGES_REFRESHED");
            }
        };
        bundleContext.addBundleListener(bundleEvents);
        bundleContext.addFrameworkListener(refreshListener);
        // meanwhile another client keeps using the core: it must never notice a module coming or going
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Map<Integer, Integer> coreStatuses = new java.util.concurrent.ConcurrentHashMap<>();
        Thread coreClient = new Thread(() -> {
            while (!stop.get()) {
                coreStatuses.merge(get("contacts?limit=1").status(), 1, Integer::sum);
            }
        }, "core-client");
        coreClient.start();
        try {
            JsonNode enabled = post("modules/sample-notes/enable", "").expect(200).json();
            assertEquals("ACTIVE", enabled.get("state").asText());
            // the call returned when the module was active: its resource answers at once
            post("sample-notes", obj().put("contactId", contact).put("title", "客户希望周末上门").put("amount", "50.00")).expect(201);
            assertEquals(1, get("sample-notes?contactId=" + contact).expect(200).json().get("items").size());

            JsonNode disabled = post("modules/sample-notes/disable", "").expect(200).json();
            assertEquals("AVAILABLE", disabled.get("state").asText());
            call("GET", "sample-notes?contactId=" + contact, ADMIN, ADMIN_PASSWORD, null, null).expect(404);
            assertTrue("the module's bundle is gone",
                    java.util.Arrays.stream(bundleContext.getBundles()).noneMatch(b -> b.getLocation().contains(NOTES_BUNDLE)));

            post("modules/sample-notes/enable", "").expect(200);
            JsonNode notes = get("sample-notes?contactId=" + contact).expect(200).json();
            assertEquals("disabling kept the module's data", 1, notes.get("items").size());
            assertEquals("客户希望周末上门", notes.get("items").get(0).get("title").asText());
            // the module's endpoint hung under the contact, and in the OpenAPI document while enabled
            assertEquals(1, get("contacts/" + contact + "/sample-notes").expect(200).json().get("items").size());
            JsonNode paths = get("openapi.json").json().get("paths");
            assertTrue(paths.has("/sample-notes") && paths.has("/contacts/{id}/sample-notes"));
        } finally {
            stop.set(true);
            try {
                coreClient.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bundleContext.removeBundleListener(bundleEvents);
            bundleContext.removeFrameworkListener(refreshListener);
        }
        assertEquals("no other bundle changed state (" + refreshes.size() + " refresh(es) of the module's own bundle)", List.of(), events);
        assertEquals("every other bundle has the same id, state and version", before, otherBundles());
        assertEquals("a client of the core got only 200s while the module came and went: " + coreStatuses, Set.of(200), coreStatuses.keySet());
        assertTrue(coreStatuses.get(200) > 0);
        get("contacts/" + contact).expect(200);
    }

    @Test
    public void aModuleWithAMissingDependencyIsFailedWithTheReasonAndBreaksNothing() {
        Map<Long, String> before = otherBundles();
        JsonNode error = post("modules/sample-broken/enable", "").expect(409).json();
        assertEquals("module_failed", error.get("error").asText());
        assertTrue(error.toString(), error.get("message").asText().contains("MissingDependency"));

        JsonNode broken = get("modules/sample-broken").expect(200).json();
        assertEquals("FAILED", broken.get("state").asText());
        // in plain words since module packages (ModuleStates.plainRequirement), not the resolver's "missing requirement [...]"
        assertTrue(broken.toString(), broken.get("reason").asText()
                .contains("needs a service org.opencrm.module.missing.MissingDependency that no installed module or library provides"));
        // and as a message key with its arguments, for a screen to say it in the user's language
        assertEquals(broken.toString(), "needsService", broken.at("/reasons/0/key").asText());
        assertEquals(broken.toString(), "org.opencrm.module.missing.MissingDependency", broken.at("/reasons/0/args/1").asText());
        assertEquals(before, otherBundles());
        get("contacts?limit=1").expect(200);

        // disabling a failed module clears the failure
        assertEquals("AVAILABLE", post("modules/sample-broken/disable", "").expect(200).json().get("state").asText());
    }

    /** Id → symbolic name, state and version of every bundle but the sample module's own. */
    private Map<Long, String> otherBundles() {
        Map<Long, String> m = new TreeMap<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (!b.getLocation().contains(NOTES_BUNDLE)) {
                m.put(b.getBundleId(), b.getSymbolicName() + " " + b.getVersion() + " " + b.getState());
            }
        }
        return m;
    }

    private static String bundleEventName(int type) {
        List<String> names = new ArrayList<>();
        for (var f : BundleEvent.class.getFields()) {
            try {
                if (f.getType() == int.class && f.getInt(null) == type) {
                    names.add(f.getName());
                }
            } catch (IllegalAccessException e) {
                names.add(Integer.toString(type));
            }
        }
        return String.join("|", names);
    }
}
