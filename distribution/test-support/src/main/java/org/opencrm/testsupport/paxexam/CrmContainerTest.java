package org.opencrm.testsupport.paxexam;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Before;
import org.opencrm.testsupport.CrmRestClient;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The base of a Pax Exam test on the assembled distribution; the test methods run inside the container and talk to it
 * over real HTTP. A module's integration test is a few lines:
 * <pre>
 * &#64;RunWith(PaxExam.class)
 * &#64;ExamReactorStrategy(PerSuite.class)
 * public class NotesIT extends CrmContainerTest {
 *     &#64;Test
 *     public void aStoreSeesItsOwnNotes() {
 *         installModule(Path.of(System.getProperty("crm.module.kar")));   // as the Modules page uploads it
 *         enableModule("notes");
 *         long store = admin().createAccount("南山店", "STORE", null);
 *         CrmRestClient clerk = admin().createUser("clerk", "Clerk-pass-1", "store", "STORE", null, store);
 *         clerk.post("notes", CrmRestClient.json("contactId", admin().createContact("王芳", "13800000001", store), "text", "回访")).expect(201);
 *     }
 * }
 * </pre>
 * The configuration is {@link CrmPaxExam#distribution()}; override {@link #config()} to add options. Before each test
 * the core's REST resources are served ({@link #awaitRestApi()}): the JAX-RS whiteboard rebuilds its application as
 * each resource arrives, so a request during boot could meet a short 404. Served means answered over HTTP, not only
 * listed by the JAX-RS runtime (see {@link #answersOverHttp}).
 */
public abstract class CrmContainerTest {
    /** The core's REST roots that answer once the platform is up. */
    public static final List<String> CORE_RESOURCES = List.of("contacts", "accounts", "activities", "households", "audit", "users", "permissions",
            "modules", "openapi.json");
    /** The administrator's Basic credentials, for the requests this class sends itself. */
    private static final String ADMIN_AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString((CrmPaxExam.ADMIN + ":" + CrmPaxExam.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The container's framework (the probe's bundle context), injected by Pax Exam. */
    @Inject
    protected BundleContext bundleContext;

    /** {@link CrmPaxExam#distribution()}'s options; override to add some ({@code CrmPaxExam.distribution().with(...)}). */
    @Configuration
    public Option[] config() {
        return CrmPaxExam.distribution().options();
    }

    /** Waits until the core's REST API is served ({@link #CORE_RESOURCES}). */
    @Before
    public void awaitRestApi() throws InterruptedException {
        awaitResources(CORE_RESOURCES, true);
    }

    /** http://localhost:PORT of the distribution in the container. */
    protected static String baseUrl() {
        return "http://localhost:" + System.getProperty("crm.itest.httpPort", Integer.toString(CrmPaxExam.port(CrmPaxExam.HTTP_PORT)));
    }

    /** The REST API as the administrator; {@code admin().createUser(...)} gives clients of other users and scopes. */
    protected static CrmRestClient admin() {
        return new CrmRestClient(baseUrl(), CrmPaxExam.ADMIN, CrmPaxExam.ADMIN_PASSWORD);
    }

    /**
     * Uploads a module's KAR as an administrator does on the Modules page (POST /api/v1/modules/packages): the reply
     * (201, the package with the modules it brought, which are then AVAILABLE).
     */
    protected static CrmRestClient.Reply installModule(Path kar) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/modules/packages?file=" + kar.getFileName()))
                .timeout(CrmPaxExam.PATIENCE)
                .header("Authorization", ADMIN_AUTHORIZATION)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofFile(kar)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new CrmRestClient.Reply(r.statusCode(), r.body()).expect(201);
    }

    /** Enables a module (POST modules/{id}/enable): it answers when the module is ACTIVE, its REST served. */
    protected static CrmRestClient.Reply enableModule(String moduleId) {
        return admin().post("modules/" + moduleId + "/enable", null).expect(200);
    }

    /** Disables a module again (a suite's other tests find the installation as it was). */
    protected static CrmRestClient.Reply disableModule(String moduleId) {
        return admin().post("modules/" + moduleId + "/disable", null).expect(200);
    }

    /**
     * Waits (on the JAX-RS runtime's change events, not by polling) until every REST root in {@code paths} is served
     * ({@code present}) or none of them is, at most {@link CrmPaxExam#PATIENCE}.
     */
    protected void awaitResources(List<String> paths, boolean present) throws InterruptedException {
        Object changed = new Object();
        // counts the runtime's change events: the state is looked at (over HTTP too) without holding the lock the
        // tracker's callbacks take, and an event that comes meanwhile is not missed
        java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
        ServiceTracker<JaxrsServiceRuntime, JaxrsServiceRuntime> tracker = new ServiceTracker<>(bundleContext, JaxrsServiceRuntime.class, null) {
            @Override
            public JaxrsServiceRuntime addingService(ServiceReference<JaxrsServiceRuntime> reference) {
                JaxrsServiceRuntime runtime = super.addingService(reference);
                signal();
                return runtime;
            }

            @Override
            public void modifiedService(ServiceReference<JaxrsServiceRuntime> reference, JaxrsServiceRuntime service) {
                signal();
            }

            private void signal() {
                changes.incrementAndGet();
                synchronized (changed) {
                    changed.notifyAll();
                }
            }
        };
        tracker.open();
        boolean listedButNotAnswered = false;
        try {
            long deadline = System.nanoTime() + CrmPaxExam.PATIENCE.toNanos();
            while (true) {
                long seen = changes.get();
                JaxrsServiceRuntime runtime = tracker.getService();
                listedButNotAnswered = false;
                if (runtime != null) {
                    Set<String> served = servedRoots(runtime);
                    boolean done = present ? served.containsAll(paths) : paths.stream().noneMatch(served::contains);
                    if (done && (!present || answersOverHttp(runtime))) {
                        return;
                    }
                    listedButNotAnswered = done;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                synchronized (changed) {
                    // the runtime announces the end of a rebuild with a change event; while HTTP still lags, look again soon
                    if (changes.get() == seen) {
                        changed.wait(listedButNotAnswered ? Math.min(left, 50) : left);
                    }
                }
            }
            // the failure's message: /health/ready over HTTP and the threads, with no lock of this test held
            JaxrsServiceRuntime runtime = tracker.getService();
            throw new AssertionError("REST resources " + paths + (present ? " did not appear" : " did not go away")
                    + (listedButNotAnswered ? " over HTTP (the JAX-RS runtime lists them)" : "") + "; served: "
                    + (runtime == null ? "no JAX-RS runtime" : servedRoots(runtime)) + "; " + readiness() + "; " + threads());
        } finally {
            tracker.close();
        }
    }

    /**
     * The container's threads at a failure: all of them written to data/log/threads-at-failure.txt beside karaf.log,
     * and the deadlocked ones, if any, for the message (a start that never completes is often one).
     */
    private static String threads() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ThreadInfo[] all = mx.dumpAllThreads(true, true);
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo t : all) {
            dump.append(fullInfo(t)).append('\n');
        }
        String written;
        try {
            Path file = Path.of(System.getProperty("karaf.data", "."), "log", "threads-at-failure.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, dump, StandardCharsets.UTF_8);
            written = "the container's threads are in " + file;
        } catch (IOException e) {
            written = "the container's threads could not be written: " + e;
        }
        long[] deadlocked = mx.findDeadlockedThreads();
        if (deadlocked == null) {
            return written + "; no deadlocked threads";
        }
        StringBuilder message = new StringBuilder(written).append("; DEADLOCKED threads:\n");
        for (ThreadInfo t : mx.getThreadInfo(deadlocked, true, true)) {
            message.append(fullInfo(t)).append('\n');
        }
        return message.toString();
    }

    /** A thread with its whole stack (ThreadInfo.toString() cuts it at 8 frames). */
    private static String fullInfo(ThreadInfo t) {
        StringBuilder s = new StringBuilder("\"").append(t.getThreadName()).append("\" ").append(t.getThreadState());
        if (t.getLockName() != null) {
            s.append(" on ").append(t.getLockName());
        }
        if (t.getLockOwnerName() != null) {
            s.append(" owned by \"").append(t.getLockOwnerName()).append('"');
        }
        s.append('\n');
        for (StackTraceElement frame : t.getStackTrace()) {
            s.append("\tat ").append(frame).append('\n');
        }
        // what the thread holds: who blocks whom, when the others wait on it
        for (java.lang.management.MonitorInfo held : t.getLockedMonitors()) {
            s.append("\tholds ").append(held).append(" (locked at ").append(held.getLockedStackFrame()).append(")\n");
        }
        for (java.lang.management.LockInfo held : t.getLockedSynchronizers()) {
            s.append("\tholds ").append(held).append('\n');
        }
        return s.toString();
    }

    /** What GET /health/ready says is missing (components waiting for which service, failed modules, ...), for a failure's message. */
    private static String readiness() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return "/health/ready answers " + r.statusCode() + ": " + r.body();
        } catch (IOException e) {
            return "/health/ready did not answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "/health/ready: interrupted";
        }
    }

    /**
     * True when every resource the runtime lists for the platform's application answers an OPTIONS request over HTTP.
     * The JAX-RS whiteboard (Aries 2.0.2) lists a resource in its DTO first and then rebuilds the application's CXF
     * server with it, destroying the old server before the new one starts: in between, every path answers CXF's 404
     * "No service was found.", and a test that trusted the DTO alone met that 404 (CI, December 2026). The server that
     * answers every listed resource is the one built after the last of them; OPTIONS (answered by JAX-RS itself for
     * any matched resource method) proves a resource is in it, whatever the method needs.
     */
    private boolean answersOverHttp(JaxrsServiceRuntime runtime) {
        for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
            if (!"opencrm".equals(app.name)) {
                continue;
            }
            for (ResourceDTO r : app.resourceDTOs) {
                String path = probePath(r);
                if (path == null) {
                    continue;
                }
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/" + path)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", ADMIN_AUTHORIZATION)
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 404) {
                        return false;
                    }
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A concrete path of one of the resource's HTTP methods (shortest first, templates filled with "1" or "a" as their
     * pattern wants), or null for a resource with none that starts with a literal segment (the modules' dispatcher).
     */
    static String probePath(ResourceDTO resource) {
        String best = null;
        for (ResourceMethodInfoDTO m : resource.resourceMethods) {
            if (m.method == null || m.path == null) {
                continue;
            }
            String p = m.path.replaceFirst("^/+", "");
            if (p.isEmpty() || p.startsWith("{")) {
                continue;
            }
            StringBuilder concrete = new StringBuilder();
            Matcher t = TEMPLATE.matcher(p);
            while (t.find()) {
                String pattern = t.group(2);
                t.appendReplacement(concrete, pattern == null || pattern.contains("\\d") || pattern.startsWith("[0-9") ? "1" : "a");
            }
            t.appendTail(concrete);
            String candidate = concrete.toString();
            if (best == null || candidate.length() < best.length()) {
                best = candidate;
            }
        }
        return best;
    }

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w+)\\s*(?::\\s*([^}]*))?\\}");

    private static Set<String> servedRoots(JaxrsServiceRuntime runtime) {
        Set<String> roots = new HashSet<>();
        for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
            if (!"opencrm".equals(app.name)) {
                continue;
            }
            for (ResourceDTO r : app.resourceDTOs) {
                for (ResourceMethodInfoDTO m : r.resourceMethods) {
                    String p = m.path == null ? "" : m.path.replaceFirst("^/+", "");
                    roots.add(p.contains("/") ? p.substring(0, p.indexOf('/')) : p);
                }
            }
        }
        return roots;
    }
}
