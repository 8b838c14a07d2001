package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sign-in protection and the hardening of the HTTP surface, over real HTTP and a real ssh connection: the back-off
 * per user name and per client address on every entrance, failures in the log and the audit trail, no timing
 * difference for unknown user names, failed sign-ins that cannot take the processors from signed-in users, PBKDF2 at
 * 600,000 iterations with old hashes upgraded, remembered credentials that stop counting at once, security headers,
 * content types a cross-site form cannot send, and no WADL. The suite's distribution trusts X-Forwarded-For from
 * localhost (etc/org.opencrm.security.cfg trustedProxies, as behind a local reverse proxy), so that the tests can
 * play clients at other addresses without locking out localhost, where every other test comes from.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SecurityIT extends CrmTestSupport {
    private static final String PASSWORD = "Security-it-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(int status, HttpHeaders headers, String body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** GET /api/v1/users/me as {@code user}, from {@code address} (the X-Forwarded-For the suite's proxy setting believes). */
    private static Answer me(String user, String password, String address) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("users/me"))).header("Authorization", basic(user, password));
        if (address != null) {
            b.header("X-Forwarded-For", address);
        }
        return send(b.GET());
    }

    private static String tag() {
        return Long.toString(System.nanoTime() % 10_000_000, 36) + ThreadLocalRandom.current().nextInt(100);
    }

    private static String newUser(String role) {
        String name = "sec-" + tag();
        post("users", obj().put("username", name).put("password", PASSWORD).put("scopeType", "HQ")
                .set("roles", JSON.createArrayNode().add(role))).expect(201);
        return name;
    }

    private static int sshPort() {
        return port(18201);
    }

    /** A crm:* command over ssh as the administrator (the way an operator runs it). */
    private static String shell(String command) throws Exception {
        String out = Ssh.run(sshPort(), ADMIN, ADMIN_PASSWORD, command);
        assertNotNull("the administrator signs in over ssh", out);
        return out;
    }

    private static long retryAfter(Answer a) {
        String value = a.header("Retry-After");
        assertNotNull("a 429 says when to try again: " + a.headers().map(), value);
        return Long.parseLong(value);
    }

    private static String karafLog() throws Exception {
        return Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"), StandardCharsets.UTF_8);
    }

    private JsonNode failedSignIns(String user) {
        return get("audit?recordType=user&recordId=" + user + "&action=sign-in-failed&limit=100").expect(200).json();
    }

    // ------------------------------------------------------------------------------------------------ back-off

    @Test
    public void aUserNameIsLockedAfterFailedSignInsAndEvenTheRightPasswordWaits() throws Exception {
        String user = newUser("agent");
        String address = "198.51.100.11";
        int checked = 0;
        int throttled = 0;
        Answer last = null;
        for (int i = 0; i < 200; i++) {
            last = me(user, "wrong-password-" + i, address);
            if (last.status() == 401) {
                checked++;
            } else if (last.status() == 429) {
                throttled++;
                assertTrue(retryAfter(last) >= 1);
            } else {
                fail("a wrong password answers 401 or 429: " + last);
            }
        }
        assertTrue("200 wrong passwords in a row must lock the user name (401s: " + checked + ")", throttled > 0);
        assertTrue("refused attempts are not checked: only " + checked + " of 200 wrong passwords may cost a PBKDF2 run", checked <= 10);
        // the lock has time left (a state, not a sleep): the right password now is refused unchecked, from any address
        for (int i = 0; i < 2000 && !(last.status() == 429 && retryAfter(last) >= 2); i++) {
            last = me(user, "wrong-password-x" + i, address);
        }
        Answer right = me(user, PASSWORD, address);
        assertEquals("the right password is not accepted while the name is locked: " + right.body(), 429, right.status());
        assertEquals("too_many_attempts", right.json().get("error").asText());
        assertTrue(retryAfter(right) >= 1);
        assertEquals(429, me(user, PASSWORD, "198.51.100.12").status());

        // every checked failure is in the log (WARN, never the password) and in the audit trail
        String log = karafLog();
        assertTrue(log.contains("Sign-in failed for user '" + user + "' from 198.51.100.11 via rest"));
        assertFalse("no password in the log", log.contains("wrong-password-1"));
        JsonNode audit = failedSignIns(user);
        assertTrue(audit.toString(), audit.get("total").asLong() >= 5);
        JsonNode entry = JSON.readTree(audit.get("items").get(0).get("changes").asText());
        assertEquals("rest", entry.get("channel").asText());
        assertEquals("198.51.100.11", entry.get("address").asText());
        assertFalse(audit.toString().contains("wrong-password"));

        // an operator ends the lock at once
        assertTrue(shell("crm:users unlock " + user).contains("forgotten"));
        assertEquals(200, me(user, PASSWORD, address).status());
    }

    @Test
    public void anAddressIsLockedAfterFailuresForAnyUserNames() throws Exception {
        String address = "198.51.100.21";
        String prefix = "nobody-" + tag() + "-";
        for (int i = 0; i < 30; i++) {
            assertEquals(401, me(prefix + i, "guess", address).status());
        }
        Answer admin = me(ADMIN, ADMIN_PASSWORD, address);
        assertEquals("30 failures from one address lock the address, for valid users too: " + admin.body(), 429, admin.status());
        assertEquals("other addresses are not affected", 200, me(ADMIN, ADMIN_PASSWORD, "198.51.100.22").status());
        shell("crm:users unlock " + address);
        assertEquals(200, me(ADMIN, ADMIN_PASSWORD, address).status());
    }

    @Test
    public void unknownUserNamesTakeAsLongAsKnownOnes() {
        List<String> known = List.of(newUser("agent"), newUser("agent"), newUser("agent"));
        me("warm-up-" + tag(), "x", "192.0.2.200");
        List<Long> knownMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        int a = 0;
        for (int round = 0; round < 2; round++) {
            for (String user : known) {
                long t0 = System.nanoTime();
                assertEquals(401, me(user, "not-the-password", "192.0.2." + (++a)).status());
                knownMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                t0 = System.nanoTime();
                assertEquals(401, me("ghost-" + tag(), "not-the-password", "192.0.2." + (++a)).status());
                unknownMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            }
        }
        long k = median(knownMillis);
        long u = median(unknownMillis);
        System.out.println("[SecurityIT] wrong password: existing user median " + k + " ms, unknown user median " + u + " ms");
        assertTrue("an unknown user name must not answer faster (existing " + knownMillis + " ms, unknown " + unknownMillis + " ms)",
                u * 2 > k && k * 2 > u);
    }

    @Test
    public void sixteenClientsSendingWrongPasswordsCannotTakeTheProcessorsFromSignedInUsers() throws Exception {
        String victim = newUser("agent");
        me(ADMIN, ADMIN_PASSWORD, null).status(); // remembered: what a signed-in REST client pays
        List<Long> baseline = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t0 = System.nanoTime();
            assertEquals(200, me(ADMIN, ADMIN_PASSWORD, null).status());
            baseline.add(System.nanoTime() - t0);
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService attackers = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < 16; t++) {
            String address = "203.0.113." + (t + 1);
            int attacker = t;
            done.add(attackers.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    // every guess different: the same password sent in parallel is checked once for all
                    int status = me(victim, "guess-" + attacker + "-" + i, address).status();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        List<Long> underAttack = Collections.synchronizedList(new ArrayList<>());
        while (done.stream().anyMatch(f -> !f.isDone())) {
            long t0 = System.nanoTime();
            assertEquals(200, me(ADMIN, ADMIN_PASSWORD, null).status());
            underAttack.add(System.nanoTime() - t0);
        }
        for (Future<?> f : done) {
            f.get();
        }
        attackers.shutdown();
        long attackMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int checked = statuses.getOrDefault(401, new AtomicInteger()).get();
        double base = median(baseline) / 1e6;
        double attacked = underAttack.isEmpty() ? base : median(underAttack) / 1e6;
        System.out.printf("[SecurityIT] 16 clients x 40 wrong passwords in %d ms: %s; signed-in client median %.1f ms before, %.1f ms during (%d calls)%n",
                attackMillis, statuses, base, attacked, underAttack.size());
        assertEquals(640, statuses.values().stream().mapToInt(AtomicInteger::get).sum());
        assertTrue("at most a handful of 640 wrong passwords may be checked (PBKDF2), the rest refused unchecked: " + statuses, checked <= 12);
        // the rest: 429 (locked, or as many attempts in flight as would lock it) or, while the few admitted ones wait
        // for their turn at PBKDF2 on a busy machine, 503 (busy); neither costs a PBKDF2 run
        assertEquals(statuses.toString(), 640 - checked, statuses.getOrDefault(429, new AtomicInteger()).get()
                + statuses.getOrDefault(503, new AtomicInteger()).get());
        assertTrue("a signed-in client stays fast: " + base + " ms before, " + attacked + " ms during", attacked < base * 4 + 40);
    }

    @Test
    public void failedSshSignInsAreThrottledLoggedAndAudited() throws Exception {
        String operator = newUser("admin");
        for (int i = 0; i < 5; i++) {
            assertNull("a wrong ssh password is refused", Ssh.run(sshPort(), operator, "wrong-ssh-" + i, "crm:modules"));
        }
        assertNull("the right password waits for the lock to end", Ssh.run(sshPort(), operator, PASSWORD, "crm:modules"));
        JsonNode audit = failedSignIns(operator);
        assertEquals(audit.toString(), 5, audit.get("total").asLong());
        assertEquals("ssh", JSON.readTree(audit.get("items").get(0).get("changes").asText()).get("channel").asText());
        assertTrue(karafLog().contains("Sign-in failed for user '" + operator + "' from 127.0.0.1 via ssh"));
        shell("crm:users unlock " + operator);
        String modules = Ssh.run(sshPort(), operator, PASSWORD, "crm:modules");
        assertTrue(String.valueOf(modules), modules != null && modules.contains("sample-notes"));
    }

    // ------------------------------------------------------------------------------------------------ hashes

    @Test
    public void passwordsAreHashedWith600000IterationsAndOldHashesAreUpgradedAtSignIn() throws Exception {
        String user = newUser("agent");
        assertEquals(600_000, iterations(storedHash(user)));
        setStoredHash(user, pbkdf2(PASSWORD, 120_000));
        assertEquals(120_000, iterations(storedHash(user)));
        assertEquals("a hash of the old iteration count still signs in", 200, me(user, PASSWORD, null).status());
        assertEquals("and is replaced at that sign-in", 600_000, iterations(storedHash(user)));
        shell("crm:users disable " + user); // drop the remembered password: the next sign-in checks the new hash
        shell("crm:users enable " + user);
        assertEquals(200, me(user, PASSWORD, null).status());
    }

    // ------------------------------------------------------------------------------------------------ revocation

    @Test
    public void aRememberedPasswordStopsCountingAtOnceWhenTheUserChanges() throws Exception {
        String user = newUser("agent");
        assertEquals(200, me(user, PASSWORD, null).status());
        assertTrue(shell("crm:users disable " + user).contains("disabled"));
        assertEquals("disabled from the shell: refused at once", 401, me(user, PASSWORD, null).status());
        shell("crm:users enable " + user);
        assertEquals(200, me(user, PASSWORD, null).status());

        call("POST", "users/" + user + "/password", ADMIN, ADMIN_PASSWORD, "application/json", "{\"password\":\"Security-it-2\"}").expect(204);
        assertEquals("the old password stops at once", 401, me(user, PASSWORD, null).status());
        assertEquals(200, me(user, "Security-it-2", null).status());

        put("users/" + user, obj().put("scopeType", "HQ").set("roles", JSON.createArrayNode().add("viewer"))).expect(200);
        assertEquals("[\"viewer\"]", me(user, "Security-it-2", null).json().get("roles").toString());

        // another node disables the user: it raises the stamp in the shared database; this node sees it within
        // stampRecheckMillis (1 s) although it remembers the password
        try (Connection c = dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE CRM_USER SET ENABLED = ?, SECURITYSTAMP = SECURITYSTAMP + 1 WHERE USERNAME = ?")) {
            ps.setBoolean(1, false);
            ps.setString(2, user);
            assertEquals(1, ps.executeUpdate());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status = 200;
        while (status != 401 && System.nanoTime() < deadline) {
            status = me(user, "Security-it-2", null).status();
        }
        assertEquals("a change made by another node ends the remembered sign-in within seconds", 401, status);
    }

    // ------------------------------------------------------------------------------------------------ HTTP surface

    @Test
    public void theUiAndTheApiSendSecurityHeadersAndTheSessionCookieIsSameSite() {
        Answer page = send(HttpRequest.newBuilder(URI.create(base() + "/crm/")).GET());
        assertEquals(200, page.status());
        assertEquals("DENY", page.header("X-Frame-Options"));
        String csp = page.header("Content-Security-Policy");
        assertNotNull("the UI has a Content-Security-Policy", csp);
        assertTrue(csp, csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'") && csp.contains("object-src 'none'"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("same-origin", page.header("Referrer-Policy"));
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID=")).findFirst().orElse("");
        assertTrue("session cookie: " + cookie, cookie.contains("HttpOnly") && cookie.toLowerCase().contains("samesite=lax"));
        assertEquals("nosniff", send(HttpRequest.newBuilder(URI.create(base() + "/VAADIN/vaadinBootstrap.js")).GET()).header("X-Content-Type-Options"));

        Answer api = send(HttpRequest.newBuilder(URI.create(url("users/me"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).GET());
        assertEquals(200, api.status());
        for (Answer a : List.of(api, send(HttpRequest.newBuilder(URI.create(url("contacts"))).GET()))) {
            assertEquals("nosniff", a.header("X-Content-Type-Options"));
            assertEquals("personal data is not stored by browsers or proxies", "no-store", a.header("Cache-Control"));
            assertEquals("DENY", a.header("X-Frame-Options"));
            assertEquals("no-referrer", a.header("Referrer-Policy"));
            assertTrue(String.valueOf(a.header("Content-Security-Policy")), String.valueOf(a.header("Content-Security-Policy")).contains("default-src 'none'"));
        }
    }

    @Test
    public void theApiRefusesWhatACrossSiteFormCouldSend() {
        String csv = "name,mobile\nForm Planted " + tag() + "," + newMobile() + "\n";
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            Answer a = send(HttpRequest.newBuilder(URI.create(url("contacts/import"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(csv)));
            assertEquals("import as " + type + ": " + a.body(), 415, a.status());
        }
        assertEquals(0, get("contacts?q=Form%20Planted").json().get("total").asLong());
        Answer csvImport = send(HttpRequest.newBuilder(URI.create(url("contacts/import"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertEquals(csvImport.body(), 200, csvImport.status());

        // a bodiless POST with a form's content type
        Answer disable = send(HttpRequest.newBuilder(URI.create(url("modules/sample-notes/disable"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(disable.body(), 415, disable.status());

        // a browser tells where a request comes from: a cross-site one is refused, whatever its content type
        String json = write(obj().put("name", "Cross Site " + tag()).put("mobile", newMobile()));
        Answer crossSite = send(HttpRequest.newBuilder(URI.create(url("contacts"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json").header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(crossSite.body(), 403, crossSite.status());
        assertEquals("cross_site_request", crossSite.json().get("error").asText());
        Answer foreignOrigin = send(HttpRequest.newBuilder(URI.create(url("contacts"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(foreignOrigin.body(), 403, foreignOrigin.status());
        assertEquals(0, get("contacts?q=Cross%20Site").json().get("total").asLong());
        Answer sameOrigin = send(HttpRequest.newBuilder(URI.create(url("contacts"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json").header("Origin", base()).header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(sameOrigin.body(), 201, sameOrigin.status());

        // multipart/form-data (curl -F) is taken only with a header no form can set, or from the API's own origin: to an upload
        // endpoint that consumes it (an audit's photos), a cross-site form's request never gets past the filter, with Basic
        // credentials or not, while curl's with X-Requested-With reaches the endpoint
        String formBody = "--x\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\npng\r\n--x--\r\n";
        Map<List<String>, Integer> formCases = new java.util.LinkedHashMap<>();
        formCases.put(List.of(), 415); // a cross-site form from a browser that names no origin: only the cached credentials
        formCases.put(List.of("Origin", "null"), 403); // a sandboxed or no-referrer form
        formCases.put(List.of("Origin", "http://evil.example"), 403);
        formCases.put(List.of("Sec-Fetch-Site", "cross-site", "X-Requested-With", "XMLHttpRequest"), 403);
        formCases.put(List.of("Origin", "http://evil.example", "X-Requested-With", "XMLHttpRequest"), 403);
        for (Map.Entry<List<String>, Integer> c : formCases.entrySet()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("audits/0/photos"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofString(formBody));
            for (int i = 0; i + 1 < c.getKey().size(); i += 2) {
                b.header(c.getKey().get(i), c.getKey().get(i + 1));
            }
            Answer a = send(b);
            assertEquals("form-data with " + c.getKey() + ": " + a.body(), (int) c.getValue(), a.status());
        }
        Answer curl = send(HttpRequest.newBuilder(URI.create(url("audits/0/photos"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=x").header("X-Requested-With", "curl").POST(HttpRequest.BodyPublishers.ofString(formBody)));
        // past the filter: the module's answer to a body that is no image (400), or 404 while the module is disabled
        assertTrue("curl -F with X-Requested-With reaches the endpoint: " + curl.status() + " " + curl.body(), curl.status() == 400 || curl.status() == 404);
        // a form-data body to an endpoint that does not take it stays a 415, with the header too, and adds no contact (the
        // text/csv import above added the one that is there)
        long planted = get("contacts?q=Form%20Planted").json().get("total").asLong();
        Answer formImport = send(HttpRequest.newBuilder(URI.create(url("contacts/import"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=x").header("X-Requested-With", "curl").POST(HttpRequest.BodyPublishers.ofString(csv)));
        assertEquals(formImport.body(), 415, formImport.status());
        assertEquals(planted, get("contacts?q=Form%20Planted").json().get("total").asLong());
    }

    @Test
    public void noWadlWithoutCredentialsOrWithThem() {
        for (String path : List.of(url("contacts?_wadl"), url("?_wadl"), url("users?_wadl&_type=json"))) {
            Answer anonymous = send(HttpRequest.newBuilder(URI.create(path)).GET());
            assertTrue(path + " answered " + anonymous.status(), anonymous.status() == 401 || anonymous.status() == 404);
            assertFalse(anonymous.body().contains("<application") || anonymous.body().contains("resources"));
            Answer signedIn = send(HttpRequest.newBuilder(URI.create(path)).header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).GET());
            assertFalse(path + " describes the API: " + signedIn.body(), signedIn.body().contains("<application"));
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String base() {
        return "http://localhost:" + System.getProperty("crm.itest.httpPort", Integer.toString(port(18281)));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private DataSource dataSource() {
        try {
            var refs = bundleContext.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=crm)");
            assertFalse("the crm DataSource", refs.isEmpty());
            ServiceReference<DataSource> ref = refs.iterator().next();
            return bundleContext.getService(ref);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private String storedHash(String user) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT PASSWORDHASH FROM CRM_USER WHERE USERNAME = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private void setStoredHash(String user, String hash) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE CRM_USER SET PASSWORDHASH = ? WHERE USERNAME = ?")) {
            ps.setString(1, hash);
            ps.setString(2, user);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static int iterations(String hash) {
        String[] parts = hash.split("\\$");
        assertEquals(hash, "pbkdf2-sha256", parts[0]);
        return Integer.parseInt(parts[1]);
    }

    /** A hash as the platform made them before (pbkdf2-sha256$iterations$salt$hash). */
    private static String pbkdf2(String password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        ThreadLocalRandom.current().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
        return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(hash);
    }
}
