package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The core runs headless (issue 13 item 7): nothing the core's bundles are wired to, directly or through other
 * bundles, is a UI bundle (the web shell, the core's screens, Vaadin), so the crm-platform-ui feature can be left out;
 * and with the UI bundles stopped the REST API keeps answering, the core's bundles untouched.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HeadlessCoreIT extends CrmTestSupport {
    private static final Set<String> CORE = Set.of("org.opencrm.platform.api", "org.opencrm.platform.persistence", "org.opencrm.platform.rest",
            "org.opencrm.platform.security", "org.opencrm.platform.core", "org.opencrm.platform.modules");
    /** The bundles of the crm-platform-ui feature that are the platform's own. */
    private static final List<String> UI = List.of("org.opencrm.platform.core.ui", "org.opencrm.ui");

    private static boolean isUi(Bundle b) {
        String name = b.getSymbolicName();
        return name != null && (UI.contains(name) || name.startsWith("com.vaadin"));
    }

    @Test
    public void theCoreIsWiredToNoUiBundle() {
        Map<Long, String> via = new HashMap<>();
        Deque<Bundle> todo = new ArrayDeque<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (CORE.contains(b.getSymbolicName())) {
                via.put(b.getBundleId(), b.getSymbolicName());
                todo.add(b);
            }
        }
        assertEquals("the core's bundles are installed: " + via.values(), CORE.size(), via.size());
        while (!todo.isEmpty()) {
            Bundle b = todo.poll();
            BundleWiring wiring = b.adapt(BundleWiring.class);
            assertTrue(b.getSymbolicName() + " is resolved", wiring != null);
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                Bundle provider = wire.getProviderWiring().getBundle();
                String path = via.get(b.getBundleId()) + " -> " + provider.getSymbolicName() + " (" + wire.getCapability().getNamespace() + " "
                        + wire.getCapability().getAttributes() + ")";
                assertFalse("the core needs a UI bundle: " + path, isUi(provider));
                if (via.putIfAbsent(provider.getBundleId(), path) == null) {
                    todo.add(provider);
                }
            }
        }
    }

    @Test
    public void theRestApiAnswersWhileTheUiBundlesAreStopped() throws Exception {
        List<Bundle> ui = new ArrayList<>();
        List<Bundle> core = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (UI.contains(b.getSymbolicName())) {
                ui.add(b);
            } else if (CORE.contains(b.getSymbolicName())) {
                core.add(b);
            }
        }
        assertEquals(UI.size(), ui.size());
        Map<Long, Long> modified = new HashMap<>();
        core.forEach(b -> modified.put(b.getBundleId(), b.getLastModified()));
        // the core's screens first, then the shell they plug into; started again in the opposite order
        ui.sort((a, b) -> Integer.compare(UI.indexOf(a.getSymbolicName()), UI.indexOf(b.getSymbolicName())));
        try {
            for (Bundle b : ui) {
                b.stop(Bundle.STOP_TRANSIENT);
            }
            awaitRestApi();
            long account = createAccount("无界面门店", "STORE", null);
            long contact = createContact("无界面客户", newMobile(), account);
            assertEquals("无界面客户", get("contacts/" + contact).expect(200).json().get("name").asText());
            assertTrue(get("openapi.json").expect(200).json().get("paths").has("/contacts"));
            // the platform's refusals in the caller's language need no UI bundle: their texts come with platform-rest
            byte[] badMobile = obj().put("name", "无界面客户").put("mobile", "12345").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            JsonNode zh = callWith("POST", "contacts", ADMIN, ADMIN_PASSWORD, "application/json", badMobile, "Accept-Language", "zh-CN").expect(400).json();
            assertEquals("mobile", zh.get("messageKey").asText());
            assertEquals("“12345”不是有效的中国大陆手机号（以 13–19 开头的 11 位数字）。", zh.get("message").asText());
            JsonNode missing = callWith("GET", "contacts/987654321", ADMIN, ADMIN_PASSWORD, null, null, "Accept-Language", "zh-CN").expect(404).json();
            assertEquals("未找到联系人 987654321：可能已被删除，或不在您的数据范围内。", missing.get("message").asText());
            for (Bundle b : core) {
                assertEquals(b.getSymbolicName() + " still active", Bundle.ACTIVE, b.getState());
                assertEquals(b.getSymbolicName() + " was not touched", modified.get(b.getBundleId()), Long.valueOf(b.getLastModified()));
            }
        } finally {
            for (int i = ui.size() - 1; i >= 0; i--) {
                ui.get(i).start(Bundle.START_TRANSIENT);
            }
        }
        for (Bundle b : ui) {
            assertEquals(b.getSymbolicName() + " started again", Bundle.ACTIVE, b.getState());
        }
    }
}
