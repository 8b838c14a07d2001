package ${package}.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * mvn verify -Pitest -Dcrm.distribution=.../opencrm-distribution-${platformVersion}.tar.gz: boots that distribution,
 * uploads this build's KAR as an administrator would (Modules page / POST /api/v1/modules/packages), enables the
 * module and calls its REST API. The test method runs inside the container.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ${className}IT {
    private static final String PASSWORD = "It-admin-pass-1";
    private static final String PORT = "18381";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Configuration
    public Option[] config() {
        String karaf = "4.4.10";
        return new Option[] {
                karafDistributionConfiguration().frameworkUrl(new File(System.getProperty("crm.distribution")).toURI().toString())
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false).name("OpenCRM"),
                configureConsole().ignoreLocalConsole(),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", PORT),
                editConfigurationFilePut("etc/system.properties", "crm.admin.password", PASSWORD),
                systemProperty("crm.module.kar").value(System.getProperty("crm.module.kar")),
                // what bin/karaf passes on Java 9+ and Pax Exam does not
                vmOption("--add-reads=java.xml=java.logging"),
                vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                vmOption("--patch-module=java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar"),
                vmOption("--patch-module=java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar"),
                vmOption("--add-opens=java.base/java.security=ALL-UNNAMED"),
                vmOption("--add-opens=java.base/java.net=ALL-UNNAMED"),
                vmOption("--add-opens=java.base/java.lang=ALL-UNNAMED"),
                vmOption("--add-opens=java.base/java.util=ALL-UNNAMED"),
                vmOption("--add-opens=java.naming/javax.naming.spi=ALL-UNNAMED"),
                vmOption("--add-opens=java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED") };
    }

    @Test
    public void theModuleIsInstalledEnabledAndAnswers() throws Exception {
        Path kar = Path.of(System.getProperty("crm.module.kar"));
        HttpResponse<String> upload = send("POST", "modules/packages?file=" + kar.getFileName(), HttpRequest.BodyPublishers.ofFile(kar),
                "application/octet-stream");
        assertTrue(upload.body(), upload.statusCode() / 100 == 2);
        HttpResponse<String> enable = send("POST", "modules/" + ${className}Names.ID + "/enable", HttpRequest.BodyPublishers.noBody(), null);
        assertTrue(enable.body(), enable.statusCode() / 100 == 2);
        // enable answers when the module is ACTIVE: its endpoint answers at once
        HttpResponse<String> list = send("GET", ${className}Names.REST_PATH, HttpRequest.BodyPublishers.noBody(), null);
        assertEquals(list.body(), 200, list.statusCode());
        assertTrue(list.body(), list.body().contains("\"items\""));
    }

    private static HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/api/v1/" + path)).method(method, body)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
