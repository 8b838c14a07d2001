package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an ISV does, end to end, against this build: generate a module from the archetype (opencrm-module-archetype),
 * build it offline with Maven into a KAR, upload it as an administrator, enable it and use it; and the same
 * generated module built against a platform API that does not exist (an import of org.opencrm.platform.api.scope
 * 9.x) is refused with the reason in plain words, changing nothing else. Nothing of the core is changed or
 * restarted for either.
 *
 * The test method runs inside the container (Pax Exam): Maven runs as a process of its own from here, with the
 * local repository of the outer build, into which distribution/itests' pom installs the platform artifacts and the
 * archetype first (crm.sdk.* system properties).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ModuleSdkIT extends CrmTestSupport {
    private static final Duration MAVEN_PATIENCE = Duration.ofMinutes(15);
    /** The generated module's Pax Exam test boots its distribution on the suite's ports plus this. */
    private static final int GENERATED_IT_PORT_OFFSET = 300;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    public void aGeneratedModuleIsBuiltOfflineInstalledAsKarEnabledAndAnswers() throws Exception {
        Path run = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("crm.sdk.workDir"))), "run-");
        long started = System.nanoTime();
        Path project = generate(run, "acme-warranty", "com.acme.warranty", "Extended warranty", "AW");
        long generated = System.nanoTime();
        maven(project, "package");
        long built = System.nanoTime();
        Path kar = project.resolve("target/acme-warranty-1.0.0.kar");
        assertTrue("the build gives a KAR: " + kar, Files.isRegularFile(kar));

        JsonNode installed = upload(kar, 201).json();
        assertTrue(installed.toString(), installed.get("modules").toString().contains("acme-warranty"));
        String warrantyPackage = installed.get("name").asText();
        assertTrue(get("modules/packages").expect(200).json().get("items").toString(), get("modules/packages").json().get("items").toString()
                .contains(warrantyPackage));
        JsonNode module = get("modules/acme-warranty").expect(200).json();
        assertEquals(module.toString(), "AVAILABLE", module.get("state").asText());
        assertEquals("crm-acme-warranty", module.get("feature").asText());
        assertEquals("Extended warranty", module.get("name").asText());
        assertEquals("the version is the bundle's", "1.0.0", module.get("version").asText());

        JsonNode enabled = post("modules/acme-warranty/enable", "").expect(200).json();
        assertEquals(enabled.toString(), "ACTIVE", enabled.get("state").asText());
        // enable returns when the module is active: its endpoint answers at once
        long store = createAccount("延保测试门店", "STORE", null);
        long contact = createContact("延保客户", newMobile(), store);
        JsonNode created = post("acme-warranty", obj().put("contactId", contact).put("title", "两年延保").put("amount", "299.00")).expect(201).json();
        long answered = System.nanoTime();
        assertEquals(store, created.get("accountId").asLong());
        assertEquals(0, created.get("amount").decimalValue().compareTo(new java.math.BigDecimal("299.00")));
        long id = created.get("id").asLong();
        assertEquals(1, get("acme-warranty?contactId=" + contact).expect(200).json().get("items").size());
        assertEquals("两年延保", get("acme-warranty/" + id).expect(200).json().get("title").asText());
        assertEquals(1, get("contacts/" + contact + "/acme-warranty").expect(200).json().get("items").size());
        // validated by the platform's money rules, named field
        JsonNode refused = post("acme-warranty", obj().put("contactId", contact).put("title", "x").put("amount", "1.005")).expect(400).json();
        assertTrue(refused.toString(), refused.toString().contains("amount"));
        // its operations are in the API description while it is enabled
        assertTrue(get("openapi.json").json().get("paths").has("/acme-warranty"));
        // its permissions, and its grants to the built-in roles
        assertTrue(get("permissions").expect(200).body().contains("acme-warranty.write"));

        // the screens: its menu entry and its tab on the contact page are registered by the module's bundle, in both languages
        assertContribution("org.opencrm.platform.api.ui.NavigationEntry", "acme-warranty");
        assertContribution("org.opencrm.platform.api.ui.RecordTab", "acme-warranty.contact");

        System.out.printf(Locale.ROOT, "ModuleSdkIT: archetype:generate %.1f s, mvn package %.1f s, upload to answering %.1f s: %.1f s in all%n",
                seconds(generated - started), seconds(built - generated), seconds(answered - built), seconds(answered - started));
        Files.writeString(run.resolve("timing.txt"), String.format(Locale.ROOT, "generate-to-answering-seconds=%.1f%n", seconds(answered - started)));

        // the same module built against a platform API this installation does not have
        Map<String, String> before = states();
        Path future = generate(run, "acme-future", "com.acme.future", "Future module", "AF");
        Files.writeString(future.resolve("bnd.bnd"), "Import-Package: org.opencrm.platform.api.scope;version=\"[9,10)\",*\n", StandardOpenOption.APPEND);
        maven(future, "package", "-DskipTests");
        String futurePackage = upload(future.resolve("target/acme-future-1.0.0.kar"), 201).json().get("name").asText();
        assertEquals("AVAILABLE", get("modules/acme-future").expect(200).json().get("state").asText());
        JsonNode failed = post("modules/acme-future/enable", "").expect(409).json();
        assertEquals(failed.toString(), "module_failed", failed.get("error").asText());
        String words = "needs package org.opencrm.platform.api.scope version 9.0.0 or later";
        assertTrue(failed.toString(), failed.get("message").asText().contains(words));
        assertTrue(failed.toString(), failed.get("message").asText().contains("this installation provides version 1."));
        JsonNode state = get("modules/acme-future").expect(200).json();
        assertEquals(state.toString(), "FAILED", state.get("state").asText());
        assertTrue(state.toString(), state.get("reason").asText().contains(words));
        Map<String, String> after = states();
        after.remove("acme-future");
        before.remove("acme-future");
        assertEquals("nothing else changed", before, after);
        assertEquals(1, get("acme-warranty?contactId=" + contact).expect(200).json().get("items").size());

        // leave the installation as the other tests found it
        post("modules/acme-future/disable", "");
        call("DELETE", "modules/packages/" + futurePackage, ADMIN, ADMIN_PASSWORD, null, null);
        post("modules/acme-warranty/disable", "").expect(200);
        call("DELETE", "modules/packages/" + warrantyPackage, ADMIN, ADMIN_PASSWORD, null, null).expect(204);
        get("acme-warranty").expect(404);

        // the generated module's own Pax Exam test (CrmContainerTest of opencrm-test-support) on a second boot of this
        // distribution, as the ISV runs it: once per build (the real-clock run), on ports of its own
        if (Boolean.getBoolean("crm.sdk.runGeneratedIT")) {
            long itStarted = System.nanoTime();
            try {
                // the generated test's Karaf keeps its folder, so that a failure can say what that container logged
                maven(project, "verify", "-Pitest", "-Dcrm.distribution=" + System.getProperty("crm.sdk.distribution"),
                        "-Dcrm.itest.portOffset=" + port(GENERATED_IT_PORT_OFFSET), "-Dcrm.itest.keepRuntime=true", "-Dtest=none",
                        "-Dsurefire.failIfNoSpecifiedTests=false");
            } catch (AssertionError itFailed) {
                // its own report and its container's log first: CI quotes the start of a failure's message
                String diagnostics;
                try {
                    diagnostics = failsafeReports(project.resolve("target/failsafe-reports")) + "\n" + containerLogs(project.resolve("target/exam"));
                } catch (IOException | RuntimeException unreadable) {
                    // what could be read must not hide why the test failed
                    diagnostics = "(its reports and logs could not be read: " + unreadable + ")";
                }
                throw new AssertionError("the generated module's Pax Exam test failed: " + diagnostics + "\n" + itFailed.getMessage(), itFailed);
            }
            assertTrue("the generated Pax Exam test ran", Files.exists(project.resolve("target/failsafe-reports/TEST-com.acme.warranty.internal.AcmeWarrantyIT.xml")));
            System.out.printf(Locale.ROOT, "ModuleSdkIT: the generated module's Pax Exam test (mvn verify -Pitest) %.1f s%n", seconds(System.nanoTime() - itStarted));
        }
    }

    /** A service of the given type registered by the generated bundle, with the id and a label in English and Chinese. */
    private void assertContribution(String type, String id) throws Exception {
        List<String> found = new ArrayList<>();
        for (ServiceReference<?> ref : bundleContext.getServiceReferences(type, null)) {
            if (!"com.acme.warranty".equals(ref.getBundle().getSymbolicName())) {
                continue;
            }
            Object service = bundleContext.getService(ref);
            try {
                // through the bundle's view of the API (the test's class loader has no platform classes)
                Class<?> api = ref.getBundle().loadClass("org.opencrm.platform.api.ui.UiContribution");
                found.add((String) api.getMethod("id").invoke(service));
                if (id.equals(found.get(found.size() - 1))) {
                    assertEquals("Extended warranty", api.getMethod("label", Locale.class).invoke(service, Locale.ENGLISH));
                    assertEquals("Extended warranty", api.getMethod("label", Locale.class).invoke(service, Locale.SIMPLIFIED_CHINESE));
                }
            } finally {
                bundleContext.ungetService(ref);
            }
        }
        assertTrue(type + " of the module: " + found, found.contains(id));
    }

    private static Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        get("modules").expect(200).json().get("items").forEach(m -> states.put(m.get("id").asText(), m.get("state").asText()));
        return states;
    }

    private static Path generate(Path dir, String id, String pkg, String name, String prefix) throws Exception {
        maven(dir, "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate", "-DarchetypeGroupId=org.opencrm",
                "-DarchetypeArtifactId=opencrm-module-archetype", "-DarchetypeVersion=" + System.getProperty("crm.sdk.platformVersion"),
                "-DgroupId=com.acme", "-DartifactId=" + id, "-Dversion=1.0.0", "-Dpackage=" + pkg, "-DmoduleId=" + id, "-DmoduleName=" + name,
                "-DtablePrefix=" + prefix);
        Path project = dir.resolve(id);
        assertTrue("generated: " + project, Files.isRegularFile(project.resolve("pom.xml")));
        return project;
    }

    /** mvn -B -o with the outer build's local repository, in dir; fails with the end of its output. */
    private static void maven(Path dir, String... args) throws Exception {
        String home = System.getProperty("crm.sdk.mavenHome");
        assertNotNull("crm.sdk.mavenHome (set by distribution/itests/pom.xml)", home);
        List<String> command = new ArrayList<>(List.of(Path.of(home, "bin", "mvn").toString(), "-B", "-o",
                "-Dmaven.repo.local=" + System.getProperty("crm.sdk.localRepository")));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "mvn-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(MAVEN_PATIENCE.toMinutes(), TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " took more than " + MAVEN_PATIENCE + "; " + tail(log));
        }
        assertEquals(command + " failed; " + tail(log), 0, p.exitValue());
    }

    /** The failed tests' messages in the failsafe reports' summaries (*.txt) under dir, without their stack traces. */
    private static String failsafeReports(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "(no failsafe reports at " + dir + ")";
        }
        StringBuilder report = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path txt : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(txt)) {
                    if (!line.startsWith("\tat ")) {
                        report.append(line).append('\n');
                    }
                }
            }
        }
        return report.toString();
    }

    /** Code a stuck start would be in: the platform, JPA, DS, Config Admin, the DataSource, the features service. */
    private static final Pattern STARTING_CODE = Pattern.compile(
            "org\\.opencrm\\.|org\\.apache\\.aries\\.jpa|org\\.apache\\.felix\\.scr|org\\.eclipse\\.persistence|org\\.ops4j\\.pax\\.jdbc"
                    + "|org\\.ops4j\\.pax\\.transx|org\\.apache\\.felix\\.cm|org\\.apache\\.karaf\\.features|org\\.flywaydb");
    /** The web stack (the JAX-RS whiteboard, CXF, Pax Web, Jetty): its threads count when busy or blocked, not idle in a pool. */
    private static final Pattern WEB_CODE = Pattern.compile("org\\.apache\\.aries\\.jax\\.rs|org\\.apache\\.cxf|org\\.ops4j\\.pax\\.web|org\\.eclipse\\.jetty");

    /** The warnings and errors (with their stack traces) in the karaf.log of each container kept under examDir. */
    private static String containerLogs(Path examDir) throws IOException {
        if (!Files.isDirectory(examDir)) {
            return "(no container folder at " + examDir + ")";
        }
        StringBuilder report = new StringBuilder();
        try (var logs = Files.find(examDir, 4, (p, a) -> p.endsWith(Path.of("data", "log", "karaf.log")))) {
            for (Path log : logs.toList()) {
                report.append("the container's ").append(log).append(", its warnings and errors:\n");
                boolean quoting = false;
                int quoted = 0;
                // decoded leniently: a log cut in the middle of a character is still read
                for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\r?\n")) {
                    boolean entry = line.matches("^\\d{4}-\\d{2}-\\d{2}.*");
                    if (entry) {
                        // CXF's note on the platform's endpoint template (a resource with sub-resources only) is in every log
                        quoting = (line.contains("| WARN ") || line.contains("| ERROR")) && !line.contains("No resource methods have been found");
                    }
                    if (quoting && quoted++ < 400) {
                        report.append(line).append('\n');
                    }
                }
            }
        }
        // the threads the generated test wrote at its failure (CrmContainerTest): those in the platform's start
        try (var dumps = Files.find(examDir, 4, (p, a) -> p.endsWith(Path.of("data", "log", "threads-at-failure.txt")))) {
            for (Path dump : dumps.toList()) {
                report.append("the container's threads in the platform's start (").append(dump).append("):\n");
                int lines = 0;
                for (String thread : new String(Files.readAllBytes(dump), StandardCharsets.UTF_8).split("\n\n")) {
                    String state = thread.lines().findFirst().orElse("");
                    boolean busyInTheWebStack = WEB_CODE.matcher(thread).find() && (state.contains(" RUNNABLE") || state.contains(" BLOCKED"));
                    if ((STARTING_CODE.matcher(thread).find() || busyInTheWebStack) && lines < 400) {
                        report.append(thread).append("\n\n");
                        lines += thread.split("\n").length;
                    }
                }
            }
        }
        return report.toString();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return "its output (" + log + ") ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static Reply upload(Path kar, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("modules/packages?file=" + kar.getFileName()))).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofFile(kar)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse("")).expect(expected);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
