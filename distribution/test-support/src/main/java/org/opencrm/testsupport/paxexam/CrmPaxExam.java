package org.opencrm.testsupport.paxexam;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * The Pax Exam options that boot the assembled OpenCRM distribution, as the platform's own suite boots it:
 * <pre>
 * &#64;Configuration
 * public Option[] config() {
 *     return CrmPaxExam.distribution().with(editConfigurationFilePut("etc/org.opencrm.x.cfg", "limit", "5")).options();
 * }
 * </pre>
 * (or extend {@link CrmContainerTest}, which does this). What the options do:
 * <ul>
 * <li>unpack the distribution's tar.gz (system property {@code crm.distribution}) into {@code crm.itest.unpackDir}
 * (default target/exam);</li>
 * <li>move every port (HTTP {@value #HTTP_PORT}, ssh, RMI) by {@code crm.itest.portOffset} (default 0), away from a
 * running instance and from a second checkout's suite;</li>
 * <li>create the administrator {@value #ADMIN} with {@value #ADMIN_PASSWORD} on the first start (no generated
 * password);</li>
 * <li>pass the JVM options bin/karaf passes on Java 17 and Pax Exam does not (without them Karaf's specs activator
 * fails on every bundle), and Pax Exam's own waits raised to {@link #PATIENCE} for loaded machines;</li>
 * <li>install this test-support bundle into the container, where the test class (and {@link CrmContainerTest})
 * runs, and pass the test JVM's system properties {@code crm.*} (e.g. {@code crm.module.kar}) into it.</li>
 * </ul>
 * Every test class that returns the same options shares one boot with {@code @ExamReactorStrategy(PerSuite.class)}
 * when they run in one JUnit run (a {@code @RunWith(Suite.class)} class listing them).
 */
public final class CrmPaxExam {
    /** The administrator the first start creates. */
    public static final String ADMIN = "admin";
    /** Its password (etc/system.properties crm.admin.password, as CRM_ADMIN_PASSWORD would set it). */
    public static final String ADMIN_PASSWORD = "Itest-admin-1";
    /** The HTTP port before the offset. */
    public static final int HTTP_PORT = 18281;
    /**
     * How long a test waits for a state before it fails. Waits end as soon as the state is there, so this bound only
     * matters on a machine so loaded that a boot or a round trip takes minutes; it is not a delay.
     */
    public static final Duration PATIENCE = Duration.ofMinutes(5);

    private final List<Option> extra = new ArrayList<>();
    private String distribution = System.getProperty("crm.distribution");
    private String unpackDir = System.getProperty("crm.itest.unpackDir", "target/exam");
    private LogLevel logLevel = LogLevel.WARN;

    private CrmPaxExam() {
    }

    /** The distribution named by the system property crm.distribution, with the defaults above. */
    public static CrmPaxExam distribution() {
        return new CrmPaxExam();
    }

    /** A port of the test distribution: {@code base} moved by the system property {@code crm.itest.portOffset}. */
    public static int port(int base) {
        return base + Integer.getInteger("crm.itest.portOffset", 0);
    }

    /** The distribution's tar.gz, instead of the system property crm.distribution. */
    public CrmPaxExam from(Path tarGz) {
        this.distribution = tarGz.toString();
        return this;
    }

    /** Where it is unpacked (each boot in a folder of its own below it). */
    public CrmPaxExam unpackDirectory(Path dir) {
        this.unpackDir = dir.toString();
        return this;
    }

    /** Karaf's root log level (default WARN). */
    public CrmPaxExam logLevel(LogLevel level) {
        this.logLevel = level;
        return this;
    }

    /** More options (configuration files, system properties, features), after the ones above. */
    public CrmPaxExam with(Option... options) {
        extra.addAll(List.of(options));
        return this;
    }

    /** The options, for a {@code @Configuration} method. */
    public Option[] options() {
        if (distribution == null || !new File(distribution).isFile()) {
            throw new IllegalStateException("No distribution at " + distribution + ": set the system property crm.distribution to the "
                    + "opencrm-distribution tar.gz (build it with mvn install -pl distribution)");
        }
        String http = Integer.toString(port(HTTP_PORT));
        String karafVersion = System.getProperty("crm.itest.karafVersion", "4.4.10");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(new File(distribution).toURI().toString())
                        .unpackDirectory(new File(unpackDir)).useDeployFolder(false).name("OpenCRM"),
                configureConsole().ignoreLocalConsole(),
                KarafDistributionOption.logLevel(logLevel),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", http),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(port(18201))),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(port(11199))),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(port(44544))),
                // no generated password: the first start creates admin with this one (as CRM_ADMIN_PASSWORD would)
                editConfigurationFilePut("etc/system.properties", "crm.admin.password", ADMIN_PASSWORD),
                // the test's code inside the container reaches the server and computes the other ports with these
                systemProperty("crm.itest.httpPort").value(http),
                systemProperty("crm.itest.portOffset").value(Integer.toString(port(0))),
                // Pax Exam waits 10 s for its own services in the container (the probe's Injector); on a loaded machine the
                // probe came later, Pax Exam gave up inside the container and the test JVM then waited for ever
                systemProperty("pax.exam.service.timeout").value(Long.toString(PATIENCE.toMillis())),
                // ... and the probe's own lookup of that Injector (its own property, 10 s by default) gave up too under load
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                        .value(Long.toString(PATIENCE.toMillis())),
                // ... and the raw extender's wait for the ProbeInvokerFactory when the probe bundle arrives (swissbox's
                // ServiceLookup, 10 s by default): on a starved machine it gave up and the test JVM hung for 40 minutes
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value(Long.toString(PATIENCE.toMillis())),
                systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value(Long.toString(PATIENCE.toMillis())),
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                // the tests' HttpClients keep connections alive; under load the server's close of an idle one can cross
                // the client's reuse of it, and the JDK then fails a POST with "EOF reached while reading" (two SecurityIT
                // tests in a run sharing the cores with another CI run). This lets the JDK resend any method once, only
                // when a reused connection ended before a byte of the response came: the request never reached the server.
                vmOption("-Djdk.httpclient.enableAllMethodRetry=true"),
                // ... but one resend is not enough when the pool holds several connections the server has closed: SecurityIT
                // failed so with "EOF reached while reading" (fresh-clone run 5 of 5, three CI runs sharing 2 cores). The
                // JDK keeps idle connections 1200 s, Jetty closes them after 30 s; dropping them after 10 s on the client
                // side means the client never picks one the server has closed for idleness.
                vmOption("-Djdk.httpclient.keepalive.timeout=10"),
                // what bin/karaf passes on Java 9+ and Pax Exam 4.13 does not: without the locator patched into java.base,
                // Karaf 4.4's specs activator fails on every resolved bundle (NoClassDefFoundError OsgiLocator).
                // Pax Exam starts Karaf in its home directory, so the paths are relative to it.
                vmOption("--add-reads=java.xml=java.logging"),
                vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                vmOption("--patch-module=java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
                vmOption("--patch-module=java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
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
                // CrmContainerTest and CrmRestClient for the test class in the container
                bundle(testSupportBundle().toUri().toString())));
        // the test's own settings (crm.module.kar, ...) reach its code in the container
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("crm.") && !k.equals("crm.itest.httpPort")
                && !k.equals("crm.itest.portOffset")).sorted().forEach(k -> options.add(systemProperty(k).value(System.getProperty(k))));
        if (Boolean.getBoolean("crm.itest.keepRuntime")) {
            // the container's folder (data/log/karaf.log) outlives the run, for a caller that reports on a failure
            options.add(keepRuntimeFolder());
        }
        options.addAll(extra);
        return options.toArray(Option[]::new);
    }

    /**
     * This bundle's jar: where this class was loaded from, or, when that is a classes folder (a build that did not
     * package it, an IDE), a jar made of it under the unpack directory.
     */
    private Path testSupportBundle() {
        try {
            Path location = Path.of(CrmPaxExam.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location;
            }
            Path jar = Files.createDirectories(Path.of(unpackDir)).resolve("opencrm-test-support.jar");
            Manifest manifest;
            try (var in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                manifest = new Manifest(in);
            }
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
                    Stream<Path> files = Files.walk(location)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.endsWith(Path.of("META-INF", "MANIFEST.MF"))).toList()) {
                    zip.putNextEntry(new JarEntry(location.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("the test-support bundle could not be made", e);
        }
    }
}
