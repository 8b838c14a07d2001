package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Hashtable;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /health/live} and {@code /health/ready} (no authentication): ready names what is missing with 503 — a FAILED
 * module, a REST resource the JAX-RS runtime does not serve — and is 200 again once it is back, and a node that says
 * ready serves the core's API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HealthIT extends CrmTestSupport {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    public void liveAnswersWithoutSignIn() {
        Reply live = health("live");
        assertEquals(live.body(), 200, live.status());
        assertEquals("UP", live.json().get("status").asText());
    }

    @Test
    public void readyMeansTheDatabaseAndTheCoreApiAnswer() {
        Reply ready = awaitReady(200);
        assertEquals(ready.body(), "UP", ready.json().get("status").asText());
        get("contacts?limit=1").expect(200);
        get("modules").expect(200);
    }

    @Test
    public void aFailedModuleMakesTheNodeNotReadyWithTheReason() {
        awaitReady(200);
        post("modules/sample-broken/enable", "").expect(409);
        try {
            Reply down = health("ready");
            assertEquals(down.body(), 503, down.status());
            assertEquals("DOWN", down.json().get("status").asText());
            assertTrue(down.body(), reasons(down).contains("modules: sample-broken is FAILED"));
        } finally {
            post("modules/sample-broken/disable", "").expect(200);
        }
        awaitReady(200);
    }

    /** A resource registered but not served (here: for an application that does not exist) keeps the node not ready. */
    @Test
    public void aRestResourceThatIsNotServedMakesTheNodeNotReady() {
        awaitReady(200);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.jaxrs.resource", Boolean.TRUE);
        props.put("osgi.jaxrs.application.select", "(osgi.jaxrs.name=no-such-application)");
        ServiceRegistration<Object> reg = bundleContext.registerService(Object.class, new Unserved(), props);
        try {
            Reply down = awaitReady(503);
            assertTrue(down.body(), reasons(down).contains("(service " + reg.getReference().getProperty("service.id") + ")"));
        } finally {
            reg.unregister();
        }
        awaitReady(200);
    }

    /** Never served: its application does not exist. */
    public static class Unserved {
    }

    private static String reasons(Reply r) {
        JsonNode reasons = r.json().get("reasons");
        return reasons == null ? "" : reasons.toString();
    }

    /** Waits until /health/ready answers {@code status} (the JAX-RS runtime applies changes asynchronously). */
    private static Reply awaitReady(int status) {
        return await("/health/ready answering " + status, () -> health("ready"), r -> r.status() == status);
    }

    private static Reply health(String which) {
        String port = System.getProperty("crm.itest.httpPort", Integer.toString(port(18281)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/" + which))
                .timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.io.IOException e) {
            throw new AssertionError("GET /health/" + which + " failed: " + e, e);
        }
    }
}
