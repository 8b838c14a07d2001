package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Boots the distribution this build assembled (one container for every test class: same configuration,
 * PerSuite strategy) and talks to it over real HTTP on a port away from a running instance.
 */
public abstract class CrmTestSupport {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Itest-admin-1";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The Karaf version of the distribution (its lib/endorsed jars carry it in their names). */
    private static final String KARAF_VERSION = System.getProperty("crm.itest.karafVersion", "4.4.10");
    /**
     * How long a test waits for a state before it fails. Waits end as soon as the state is there, so this bound only
     * matters on a machine so loaded that a boot or a round trip takes minutes; it is not a delay.
     */
    static final Duration PATIENCE = Duration.ofMinutes(5);
    /** The distribution's business time zone (etc/org.opencrm.time.cfg default): the zone "today" is reckoned in. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected BundleContext bundleContext;

    /**
     * A port of the test distributions: {@code base} moved by {@code crm.itest.portOffset} (default 0), so that two
     * checkouts can run their suites side by side on one machine.
     */
    static int port(int base) {
        return base + Integer.getInteger("crm.itest.portOffset", 0);
    }

    /** Today in the business time zone: between 00:00 and 08:00 in Beijing it is not the UTC date. */
    static LocalDate businessToday() {
        return LocalDate.now(BUSINESS_ZONE);
    }

    @Configuration
    public Option[] config() {
        String dist = System.getProperty("crm.distribution");
        String port = Integer.toString(port(18281));
        Option[] options = new Option[] {
                karafDistributionConfiguration().frameworkUrl(new File(dist).toURI().toString())
                        .unpackDirectory(new File(System.getProperty("crm.itest.unpackDir", "target/exam")))
                        .useDeployFolder(false).name("OpenCRM"),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(port(18201))),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(port(11199))),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(port(44544))),
                // no default password: the first start creates admin with this one (as CRM_ADMIN_PASSWORD would)
                editConfigurationFilePut("etc/system.properties", "crm.admin.password", ADMIN_PASSWORD),
                // as behind a reverse proxy on this host: SecurityIT plays clients at other addresses (X-Forwarded-For)
                // without the sign-in back-off ever locking localhost, where every test's requests come from
                editConfigurationFilePut("etc/org.opencrm.security.cfg", "trustedProxies", "127.0.0.1,::1"),
                // a module whose dependency cannot be met (ModulesIT, ShellCommandsIT): a test resource, not in the product
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresRepositories", brokenModuleRepository()),
                systemProperty("crm.itest.httpPort").value(port),
                // Pax Exam waits 10 s for its own services in the container (the probe's Injector); on a loaded machine the
                // probe came later, Pax Exam gave up inside the container and the test JVM then waited for ever
                systemProperty("pax.exam.service.timeout").value(Long.toString(PATIENCE.toMillis())),
                // ... and the probe's own lookup of that Injector (Pax Exam's JUnit invoker factory: 10 s by default, its own
                // property) gave up too under load, inside Karaf, so that no test could run
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                        .value(Long.toString(PATIENCE.toMillis())),
                // the tests' code inside the container computes the other ports (ssh) with the same offset
                systemProperty("crm.itest.portOffset").value(Integer.toString(port(0))),
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                // what bin/karaf passes on Java 9+ and Pax Exam 4.13 does not: without the locator patched into java.base,
                // Karaf 4.4.10's specs activator fails on every resolved bundle (NoClassDefFoundError OsgiLocator).
                // Pax Exam starts Karaf in its home directory, so the paths are relative to it.
                vmOption("--add-reads=java.xml=java.logging"),
                vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                vmOption("--patch-module=java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar"),
                vmOption("--patch-module=java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar"),
                vmOption("--add-opens=java.base/java.security=ALL-UNNAMED"),
                vmOption("--add-opens=java.base/java.net=ALL-UNNAMED"),
                vmOption("--add-opens=java.base/java.lang=ALL-UNNAMED"),
                vmOption("--add-opens=java.base/java.util=ALL-UNNAMED"),
                vmOption("--add-opens=java.naming/javax.naming.spi=ALL-UNNAMED"),
                vmOption("--add-opens=java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
        };
        // ModuleSdkIT runs Maven from inside the container: where Maven and its local repository are (crm.sdk.*, pom.xml)
        List<Option> all = new java.util.ArrayList<>(List.of(options));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("crm.sdk."))
                .forEach(k -> all.add(systemProperty(k).value(System.getProperty(k))));
        // the database: embedded Derby, or a throw-away PostgreSQL cluster with -Dcrm.itest.database=postgresql (TestDatabase)
        all.addAll(TestDatabase.options());
        return all.toArray(Option[]::new);
    }

    /** The features repository of the test-only module crm-sample-broken (src/test/resources/features). */
    private static String brokenModuleRepository() {
        try {
            return CrmTestSupport.class.getResource("/features/sample-broken.xml").toURI().toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits (on the JAX-RS runtime's change events, not by polling) until every REST resource of the platform is
     * served: the whiteboard rebuilds the application each time a resource arrives, so a request during boot can
     * meet a short 404 while the last ones register.
     */
    @Before
    public void awaitRestApi() throws InterruptedException {
        awaitResources(List.of("contacts", "accounts", "activities", "households", "audit", "users", "permissions", "modules",
                "openapi.json"), true);
    }

    /** Waits until every path in {@code paths} is served ({@code present}) or none of them is. */
    protected void awaitResources(List<String> paths, boolean present) throws InterruptedException {
        Object changed = new Object();
        ServiceTracker<JaxrsServiceRuntime, JaxrsServiceRuntime> tracker = new ServiceTracker<>(bundleContext, JaxrsServiceRuntime.class, null) {
            @Override
            public JaxrsServiceRuntime addingService(ServiceReference<JaxrsServiceRuntime> reference) {
                JaxrsServiceRuntime runtime = super.addingService(reference);
                synchronized (changed) {
                    changed.notifyAll();
                }
                return runtime;
            }

            @Override
            public void modifiedService(ServiceReference<JaxrsServiceRuntime> reference, JaxrsServiceRuntime service) {
                synchronized (changed) {
                    changed.notifyAll();
                }
            }
        };
        tracker.open();
        try {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            synchronized (changed) {
                while (true) {
                    JaxrsServiceRuntime runtime = tracker.getService();
                    if (runtime != null) {
                        Set<String> served = servedRoots(runtime);
                        boolean done = present ? served.containsAll(paths) : paths.stream().noneMatch(served::contains);
                        if (done) {
                            return;
                        }
                    }
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        fail("REST resources " + paths + (present ? " did not appear" : " did not go away") + "; served: "
                                + (runtime == null ? "no JAX-RS runtime" : servedRoots(runtime)));
                    }
                    changed.wait(left);
                }
            }
        } finally {
            tracker.close();
        }
    }

    /**
     * Asks {@code probe} until its answer satisfies {@code done} and returns that answer; fails after {@link #PATIENCE}
     * naming {@code what} and the last answer. For states that arrive asynchronously and post no event the test can wait
     * on (another node's change, a scheduled job's first run); the pause between asks grows from 20 ms to 500 ms.
     */
    protected static <T> T await(String what, java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = 20;
        while (true) {
            T answer = probe.get();
            if (done.test(answer)) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                fail(what + " did not happen within " + PATIENCE + "; last: " + answer);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            pause = Math.min(pause * 2, 500);
        }
    }

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

    // ---------------------------------------------------------------- HTTP

    protected record Reply(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        Reply expect(int expected) {
            assertEquals("HTTP status; body: " + body, expected, status);
            return this;
        }
    }

    protected static String url(String path) {
        return "http://localhost:" + System.getProperty("crm.itest.httpPort", Integer.toString(port(18281))) + "/api/v1/" + path;
    }

    protected static Reply call(String method, String path, String user, String password, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.io.IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    protected static Reply get(String path) {
        return call("GET", path, ADMIN, ADMIN_PASSWORD, null, null);
    }

    protected static Reply post(String path, Object json) {
        return call("POST", path, ADMIN, ADMIN_PASSWORD, "application/json", write(json));
    }

    protected static Reply put(String path, Object json) {
        return call("PUT", path, ADMIN, ADMIN_PASSWORD, "application/json", write(json));
    }

    protected static Reply delete(String path) {
        return call("DELETE", path, ADMIN, ADMIN_PASSWORD, null, null);
    }

    protected static String write(Object json) {
        try {
            return json instanceof String s ? s : JSON.writeValueAsString(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    /** A valid mobile no other test uses (11 digits, 13x–19x). */
    protected static String newMobile() {
        return "13" + ThreadLocalRandom.current().nextInt(0, 10) + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    protected static long createContact(String name, String mobile, Long accountId) {
        ObjectNode c = obj().put("name", name).put("mobile", mobile);
        if (accountId != null) {
            c.put("accountId", accountId);
        }
        return post("contacts", c).expect(201).json().get("id").asLong();
    }

    protected static long createAccount(String name, String type, Long parentId) {
        ObjectNode a = obj().put("name", name).put("type", type);
        if (parentId != null) {
            a.put("parentId", parentId);
        }
        Reply r = post("accounts", a);
        if (r.status() != 200 && r.status() != 201) {
            fail("account not created: " + r);
        }
        return r.json().get("id").asLong();
    }
}
