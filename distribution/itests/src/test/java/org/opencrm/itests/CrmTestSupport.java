package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.opencrm.testsupport.paxexam.CrmContainerTest;
import org.opencrm.testsupport.paxexam.CrmPaxExam;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The platform's suite on the distribution this build assembled (one container for every test class: same
 * configuration, PerSuite strategy): {@link CrmContainerTest} from distribution/test-support (the boot, ports with
 * their offset, the administrator, the wait for the core's REST API), plus what only this suite needs (a test-only
 * broken module, trusted proxies, ModuleSdkIT's Maven) and its JSON helpers.
 */
public abstract class CrmTestSupport extends CrmContainerTest {
    static final String ADMIN = CrmPaxExam.ADMIN;
    static final String ADMIN_PASSWORD = CrmPaxExam.ADMIN_PASSWORD;
    static final ObjectMapper JSON = new ObjectMapper();
    /** How long a test waits for a state before it fails ({@link CrmPaxExam#PATIENCE}); not a delay. */
    static final Duration PATIENCE = CrmPaxExam.PATIENCE;
    /** The distribution's business time zone (etc/org.opencrm.time.cfg default): the zone "today" is reckoned in. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * A port of the test distributions: {@code base} moved by {@code crm.itest.portOffset} (default 0), so that two
     * checkouts can run their suites side by side on one machine.
     */
    static int port(int base) {
        return CrmPaxExam.port(base);
    }

    /** Today in the business time zone: between 00:00 and 08:00 in Beijing it is not the UTC date. */
    static LocalDate businessToday() {
        return LocalDate.now(BUSINESS_ZONE);
    }

    @Override
    @Configuration
    public Option[] config() {
        return CrmPaxExam.distribution().with(
                // as behind a reverse proxy on this host: SecurityIT plays clients at other addresses (X-Forwarded-For)
                // without the sign-in back-off ever locking localhost, where every test's requests come from
                editConfigurationFilePut("etc/org.opencrm.security.cfg", "trustedProxies", "127.0.0.1,::1"),
                // a module whose dependency cannot be met (ModulesIT, ShellCommandsIT): a test resource, not in the product
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresRepositories", brokenModuleRepository()))
                // the database: embedded Derby, or a throw-away PostgreSQL cluster with -Dcrm.itest.database=postgresql (TestDatabase)
                .with(TestDatabase.options().toArray(Option[]::new))
                // (ModuleSdkIT's crm.sdk.* properties, where Maven and its local repository are, reach the container as every crm.*)
                .options();
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
        return "http://localhost:" + System.getProperty("crm.itest.httpPort", Integer.toString(port(CrmPaxExam.HTTP_PORT))) + "/api/v1/" + path;
    }

    protected static Reply call(String method, String path, String user, String password, String contentType, String body) {
        return callBytes(method, path, user, password, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #call} with a body of bytes (a photo, a multipart body); the answer's body read as UTF-8 text. */
    protected static Reply callBytes(String method, String path, String user, String password, String contentType, byte[] body) {
        Download d = send(method, path, user, password, contentType, body);
        return new Reply(d.status(), new String(d.bytes(), StandardCharsets.UTF_8), d.contentType());
    }

    /** An answer's status, type and bytes (images, PDFs). */
    protected record Download(int status, String contentType, byte[] bytes) {
    }

    /**
     * The text of a PDF answer (read back with PDFBox, which the platform's crm-platform-pdf feature installs): asserts
     * a 200 with application/pdf whose body starts with %PDF.
     */
    protected static String pdfText(Download d) {
        org.junit.Assert.assertEquals(new String(d.bytes(), StandardCharsets.UTF_8), 200, d.status());
        org.junit.Assert.assertEquals("application/pdf", d.contentType());
        org.junit.Assert.assertEquals("%PDF", new String(d.bytes(), 0, 4, StandardCharsets.ISO_8859_1));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(d.bytes())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }

    /** GET as a user, the body as bytes. */
    protected static Download download(String path, String user, String password) {
        return send("GET", path, user, password, null, null);
    }

    /** {@link #callBytes} with request headers besides the credentials and the type: name, value, ... (e.g. Accept-Language). */
    protected static Reply callWith(String method, String path, String user, String password, String contentType, byte[] body, String... headers) {
        Download d = send(method, path, user, password, contentType, body, headers);
        return new Reply(d.status(), new String(d.bytes(), StandardCharsets.UTF_8), d.contentType());
    }

    /** {@link #download} with request headers: name, value, ... */
    protected static Download downloadWith(String path, String user, String password, String... headers) {
        return send("GET", path, user, password, null, null, headers);
    }

    private static Download send(String method, String path, String user, String password, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
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
