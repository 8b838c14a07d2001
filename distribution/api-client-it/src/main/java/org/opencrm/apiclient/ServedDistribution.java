package org.opencrm.apiclient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.opencrm.testsupport.CrmRestClient;
import org.opencrm.testsupport.KarafServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The distribution this module's build works against, started once (process-classes, in the background) and used by
 * every later step: it enables the shipped modules, saves the OpenAPI document it serves at /api/v1/openapi.json
 * (the linter and openapi-generator work on exactly what a client downloads) and writes its base URL for the smoke
 * test. It then runs until bin/stop (post-integration-test) or until Maven ends, which ends this process and so, by
 * the shutdown hook, the server.
 * <p>
 * Arguments: the distribution's tar.gz, a directory to unpack it in, the document to write, then the module ids to
 * enable. Beside the document it writes served.properties, or served.failed with the reason. Ports: HTTP 18581,
 * ssh 18501, RMI 11499/44844, each plus crm.itest.portOffset.
 */
public final class ServedDistribution {
    static final String PASSWORD = "Api-client-1";
    /** The platform's own resources: the document is complete once every one of them is in it. */
    private static final List<String> PLATFORM_PATHS = List.of("/contacts", "/accounts", "/activities", "/audit", "/households/{id}", "/users",
            "/permissions", "/modules", "/openapi.json");

    private ServedDistribution() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: ServedDistribution DISTRIBUTION.tar.gz WORK_DIR DOCUMENT [MODULE_ID...]");
        }
        Path document = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(document.getParent());
        Files.deleteIfExists(document);
        Files.deleteIfExists(failedMarker(document));
        List<String> modules = List.of(args).subList(3, args.length);
        KarafServer karaf = KarafServer.unpack(Path.of(args[0]), Path.of(args[1])).ports(18581, 18501, 11499, 44844).adminPassword(PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                karaf.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        try {
            // ready, not merely answering: the core's resources come after the first ones (its schema is made beside the
            // start), and a call while the JAX-RS runtime adds them can meet a 404
            karaf.start().awaitHttp("/health/ready", 200, Duration.ofMinutes(3));
            CrmRestClient api = karaf.admin();
            for (String module : modules) {
                // answers once the module serves its REST resources, or 409 naming why it failed
                api.call("POST", "/api/v1/modules/" + module + "/enable", null).expect(200);
            }
            JsonNode doc = awaitComplete(api, modules, Duration.ofMinutes(1));
            Files.writeString(document.resolveSibling("served.properties"), "baseUrl=" + karaf.baseUrl() + "\nhome=" + karaf.home().toAbsolutePath() + "\n");
            Path tmp = document.resolveSibling(document.getFileName() + ".tmp");
            Files.writeString(tmp, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            Files.move(tmp, document, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("[served] " + karaf.baseUrl() + " serves modules " + modules + "; saved its OpenAPI document to " + document + ": "
                    + doc.path("paths").size() + " paths, " + doc.at("/components/schemas").size() + " schemas");
        } catch (Exception | AssertionError e) { // AssertionError: an answer other than the expected one
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Files.writeString(failedMarker(document), trace.toString());
            karaf.close();
            throw e;
        }
        System.out.println("[served] the distribution stopped (" + karaf.awaitExit() + ")");
    }

    static Path failedMarker(Path document) {
        return document.resolveSibling("served.failed");
    }

    /** The document once it lists every platform resource and a tag for every enabled module. */
    private static JsonNode awaitComplete(CrmRestClient api, List<String> modules, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> missing = List.of();
        while (System.nanoTime() < deadline) {
            JsonNode doc = new ObjectMapper().readTree(api.call("GET", "/api/v1/openapi.json", null).expect(200).body());
            missing = new ArrayList<>();
            for (String p : PLATFORM_PATHS) {
                if (!doc.path("paths").has(p)) {
                    missing.add(p);
                }
            }
            List<String> tags = doc.path("tags").findValuesAsText("name");
            for (String m : modules) {
                if (!tags.contains(m)) {
                    missing.add("tag " + m);
                }
            }
            if (missing.isEmpty()) {
                return doc;
            }
            // platform resources register with the JAX-RS whiteboard one by one while the distribution starts
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("The served OpenAPI document still lacks " + missing + " after " + timeout);
    }
}
