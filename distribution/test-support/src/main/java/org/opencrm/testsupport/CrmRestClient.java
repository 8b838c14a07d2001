package org.opencrm.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution's REST API as one user calls it, for a module's integration test outside the Pax Exam container
 * (with {@link KarafServer}): the admin sets up accounts, contacts and users of each data scope, then the test calls
 * the module's endpoints as each of them.
 * <pre>
 * CrmRestClient admin = karaf.admin();
 * admin.post("modules/notes/enable", null).expect(200);
 * long partner = admin.createAccount("华南代理", "REGIONAL_DISTRIBUTOR", null);
 * long store = admin.createAccount("南山店", "STORE", partner);
 * CrmRestClient clerk = admin.createUser("clerk1", "Clerk-pass-1", "store", "STORE", null, store);
 * clerk.post("notes", "{\"text\":\"回访\"}").expect(201);
 * admin.createUser("other", "Other-pass-1", "store", "STORE", null, admin.createAccount("福田店", "STORE", partner))
 *         .get("notes").expect(200);   // and check it sees none of the first store's notes
 * </pre>
 * No JSON library: bodies are strings ({@link #json} builds small ones), {@link Reply#id()} reads a reply's "id".
 */
public final class CrmRestClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private final String baseUrl;
    private final String user;
    private final String password;

    /** {@code baseUrl}: http://host:port (no path). */
    public CrmRestClient(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /** The same server as another user. */
    public CrmRestClient as(String otherUser, String otherPassword) {
        return new CrmRestClient(baseUrl, otherUser, otherPassword);
    }

    public String user() {
        return user;
    }

    /** An answer: status and body. */
    public record Reply(int status, String body) {
        /** This reply if its status is {@code expected}, else an AssertionError naming the body. */
        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("HTTP " + status + " instead of " + expected + ": " + body);
            }
            return this;
        }

        /** The number in the body's first "id" field. */
        public long id() {
            Matcher m = ID.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no id in " + body);
            }
            return Long.parseLong(m.group(1));
        }
    }

    /**
     * {@code path}: under /api/v1/ (e.g. "contacts/12"), or absolute ("/api/v1/openapi.json"); {@code json}: the body
     * or null.
     *
     * @throws IOException when the server does not answer (not listening yet, gone)
     */
    public Reply send(String method, String path, String json) throws IOException {
        return send(method, path, json, Duration.ofMinutes(2));
    }

    /** {@link #send(String, String, String)} waiting at most {@code timeout} for the answer. */
    public Reply send(String method, String path, String json, Duration timeout) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + (path.startsWith("/") ? path : "/api/v1/" + path)))
                .timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** {@link #send}, an AssertionError when the server does not answer. */
    public Reply call(String method, String path, String json) {
        try {
            return send(method, path, json);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    public Reply get(String path) {
        return call("GET", path, null);
    }

    public Reply post(String path, String json) {
        return call("POST", path, json);
    }

    public Reply put(String path, String json) {
        return call("PUT", path, json);
    }

    public Reply delete(String path) {
        return call("DELETE", path, null);
    }

    /** An account (as this user: a partner creates below its own); its id. */
    public long createAccount(String name, String type, Long parentId) {
        return post("accounts", json("name", name, "type", type, "parentId", parentId)).expect(201).id();
    }

    /** A contact; its id. */
    public long createContact(String name, String mobile, Long accountId) {
        return post("contacts", json("name", name, "mobile", mobile, "accountId", accountId)).expect(201).id();
    }

    /**
     * A user with one role and a data scope ({@code scopeType} HQ, REGION with {@code region}, PARTNER or STORE with
     * {@code accountId}), created by this (admin) user; the client that calls as the new user.
     */
    public CrmRestClient createUser(String username, String userPassword, String role, String scopeType, String region, Long accountId) {
        post("users", json("username", username, "password", userPassword, "roles", java.util.List.of(role), "scopeType", scopeType, "region", region,
                "accountId", accountId)).expect(201);
        return as(username, userPassword);
    }

    /**
     * A JSON object of key, value, key, value...: strings, numbers, booleans and collections of strings; null values are
     * left out.
     */
    public static String json(Object... keyValues) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v == null) {
                continue;
            }
            if (s.length() > 1) {
                s.append(',');
            }
            s.append(quote(keyValues[i].toString())).append(':');
            if (v instanceof Number || v instanceof Boolean) {
                s.append(v);
            } else if (v instanceof Collection<?> c) {
                s.append('[').append(String.join(",", c.stream().map(o -> quote(o.toString())).toList())).append(']');
            } else {
                s.append(quote(v.toString()));
            }
        }
        return s.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
