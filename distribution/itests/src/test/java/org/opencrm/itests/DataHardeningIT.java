package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data-scope and data-integrity findings of the hostile-user audit (issue 14), each over real HTTP: the audit trail
 * within the caller's data scope (core and module records), contacts without a mobile, a scoped manager kept inside
 * its subtree, no mobile oracle, households and till references within scope, points overflow, bad query strings
 * and typed parameters as 400s naming them, list envelopes, the import size limit (413), the import journal
 * (interrupted, resumed, rolled back) and contacts that modules still refer to.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class DataHardeningIT extends CrmTestSupport {
    private static final String PASSWORD = "Harden-pass-1";
    private static final String HANDSETS = "handset-registry";
    private static final String MEMBERS = "membership-points";
    private static final String REPAIRS = "repair-parts";
    private static final String NOTES = "sample-notes";

    @Inject
    protected ConfigurationAdmin configAdmin;

    private static String t;
    private static long partnerA;
    private static long storeA;
    private static long partnerB;
    private static long storeB;
    private static long contactA;
    private static long contactB;
    private static String mobileA;
    private static String mobileB;
    private static String viewerA;
    private static String managerA;
    private static String partnerUserA;
    private static String partnerUserB;
    private static String clerkA;

    private static String tag() {
        return Long.toString(System.nanoTime() % 100_000_000, 36).toLowerCase();
    }

    private static Reply as(String user, String method, String path, Object body) {
        return call(method, path, user, PASSWORD, body == null ? null : "application/json", body == null ? null : write(body));
    }

    private static void user(String name, String role, String scope, long account) {
        post("users", obj().put("username", name).put("password", PASSWORD).put("scopeType", scope).put("accountId", account)
                .set("roles", JSON.createArrayNode().add(role))).expect(201);
    }

    private static void assertError(Reply r, int status, String field) {
        r.expect(status);
        JsonNode e = r.json();
        assertFalse("a message: " + r.body(), e.get("message").asText().isBlank());
        if (field != null) {
            assertEquals("field named in " + r.body(), field, e.get("field").asText());
        }
    }

    private static void enable(String module) {
        if (!"ACTIVE".equals(get("modules/" + module).expect(200).json().get("state").asText())) {
            assertEquals("ACTIVE", post("modules/" + module + "/enable", "").expect(200).json().get("state").asText());
        }
    }

    /** Waits for a state (checked every 50 ms, at most 60 s), never for a fixed time. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** On a failure, what the server logged (the container's folder is deleted after the run). */
    @Rule
    public TestWatcher serverLog = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            java.nio.file.Path log = java.nio.file.Paths.get(System.getProperty("karaf.data", "data"), "log", "karaf.log");
            try {
                List<String> lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
                System.out.println("---- " + description.getMethodName() + ": the last lines of " + log);
                lines.subList(Math.max(0, lines.size() - 150), lines.size()).forEach(System.out::println);
            } catch (IOException | RuntimeException unreadable) {
                System.out.println("no server log at " + log + ": " + unreadable);
            }
        }
    };

    @Before
    public void world() {
        if (t != null) {
            return;
        }
        t = tag();
        partnerA = createAccount("甲伙伴 " + t, "PROVINCIAL_DISTRIBUTOR", null);
        storeA = createAccount("甲门店 " + t, "STORE", partnerA);
        partnerB = createAccount("乙伙伴 " + t, "PROVINCIAL_DISTRIBUTOR", null);
        storeB = createAccount("乙门店 " + t, "STORE", partnerB);
        mobileA = newMobile();
        mobileB = newMobile();
        contactA = createContact("甲客户 " + t, mobileA, storeA);
        contactB = createContact("乙客户 " + t, mobileB, storeB);
        viewerA = "va-" + t;
        managerA = "mgr-" + t;
        partnerUserA = "pa-" + t;
        partnerUserB = "pb-" + t;
        clerkA = "sa-" + t;
        user(viewerA, "viewer", "PARTNER", partnerA);
        user(managerA, "manager", "PARTNER", partnerA);
        user(partnerUserA, "partner", "PARTNER", partnerA);
        user(partnerUserB, "partner", "PARTNER", partnerB);
        user(clerkA, "store", "STORE", storeA);
    }

    // ---------------------------------------------------------------- 1. audit trail within the data scope

    @Test
    public void theAuditTrailShowsOnlyRowsOfTheCallersSubtree() {
        JsonNode b = get("contacts/" + contactB).expect(200).json();
        put("contacts/" + contactB, ((ObjectNode) b).put("email", "b." + mobileB + "@example.cn")).expect(200);

        // HQ sees both partners' rows
        assertTrue(get("audit/contact/" + contactB).expect(200).json().get("total").asLong() >= 2);
        // a viewer and a manager of partner A: nothing of B, neither by record nor in the search
        for (String u : List.of(viewerA, managerA)) {
            JsonNode forB = as(u, "GET", "audit/contact/" + contactB, null).expect(200).json();
            assertEquals(u + " sees no row of B's contact: " + forB, 0, forB.get("total").asLong());
            assertEquals(0, forB.get("items").size());
            assertTrue(as(u, "GET", "audit/contact/" + contactA, null).expect(200).json().get("total").asLong() >= 1);
            Reply all = as(u, "GET", "audit?limit=500", null).expect(200);
            assertFalse(u + " must not read B's mobile in the audit trail", all.body().contains(mobileB));
            assertFalse(all.body().contains("乙客户 " + t));
            assertFalse(all.body().contains("乙门店 " + t));
            assertTrue(u + " reads its own subtree's rows", all.body().contains(mobileA));
            JsonNode byId = as(u, "GET", "audit?recordType=contact&recordId=" + contactB, null).expect(200).json();
            assertEquals(0, byId.get("total").asLong());
            // accounts: the own subtree's, never the other partner's
            assertTrue(as(u, "GET", "audit/account/" + storeA, null).expect(200).json().get("total").asLong() >= 1);
            assertEquals(0, as(u, "GET", "audit/account/" + storeB, null).expect(200).json().get("total").asLong());
        }
    }

    @Test
    public void moduleRecordsInTheAuditTrailBelongToTheirStoreOrCentre() {
        enable(HANDSETS);
        enable(MEMBERS);
        enable(REPAIRS);
        // a member who joined at B's store, a handset sold at B's store, a repair received at B's centre
        String memberMobile = newMobile();
        long memberB = post("members", obj().put("name", "乙会员 " + t).put("mobile", memberMobile).put("joinStoreAccountId", storeB)
                .put("cardKind", "MEMBER")).expect(201).json().get("id").asLong();
        String model = "HD-" + t.toUpperCase();
        post("handset-models", obj().put("code", model).put("name", "华星 " + model).put("licenceNumber", "02-C045-192736")
                .put("launchDate", "2020-01-01")).expect(201);
        String imei = HandsetRegistryIT.newImei();
        post("handsets", obj().put("imei", imei).put("serialNumber", "DH" + imei).put("modelCode", model)).expect(201);
        post("handsets/" + imei + "/sale", obj().put("contactId", contactB).put("storeAccountId", storeB).put("invoiceNumber", "INV-B-" + t)
                .put("saleDate", businessToday().toString()).put("channel", "STORE_CLERK")).expect(201);
        String serial = "RS" + t.toUpperCase();
        long orderB = post("repair-orders", obj().put("contactId", contactB).put("centreAccountId", storeB).put("serialNumber", serial)
                .put("symptom", "屏幕不亮").put("inWarranty", false)).expect(201).json().get("id").asLong();

        String hq = get("audit?limit=500").expect(200).body();
        assertTrue(hq.contains(memberMobile) || hq.contains("\"recordId\":\"" + memberB + "\""));
        for (String u : List.of(viewerA, managerA)) {
            Reply all = as(u, "GET", "audit?limit=500", null).expect(200);
            assertFalse(u + ": B's member", all.body().contains(memberMobile));
            assertFalse(u + ": B's handset", all.body().contains(imei));
            assertFalse(u + ": B's invoice", all.body().contains("INV-B-" + t));
            assertFalse(u + ": B's repair", all.body().contains(serial));
        }
        assertEquals(0, as(viewerA, "GET", "audit/member/" + memberB, null).expect(200).json().get("total").asLong());
        assertEquals(0, as(viewerA, "GET", "audit/repair-order/" + orderB, null).expect(200).json().get("total").asLong());
        assertTrue(get("audit/repair-order/" + orderB).expect(200).json().get("total").asLong() >= 1);
        // A's own member is in A's trail
        long memberA = post("members", obj().put("name", "甲会员 " + t).put("mobile", newMobile()).put("joinStoreAccountId", storeA)
                .put("cardKind", "MEMBER")).expect(201).json().get("id").asLong();
        assertTrue(as(viewerA, "GET", "audit/member/" + memberA, null).expect(200).json().get("total").asLong() >= 1);
    }

    // ---------------------------------------------------------------- 2. contacts without a mobile

    @Test
    public void contactsWithoutAMobileAreNormalInFormsAndImports() {
        long one = post("contacts", obj().put("name", "无手机一 " + t).put("accountId", storeA)).expect(201).json().get("id").asLong();
        long two = post("contacts", obj().put("name", "无手机二 " + t).put("accountId", storeA)).expect(201).json().get("id").asLong();
        assertTrue(one != two);
        String withMobile = newMobile();
        String csv = "name,mobile,accountId\n无手机三 " + t + ",," + storeA + "\n无手机四 " + t + ",," + storeA + "\n有手机 " + t + "," + withMobile + ","
                + storeA + "\n";
        JsonNode report = call("POST", "contacts/import", ADMIN, ADMIN_PASSWORD, "text/csv", csv).expect(200).json();
        assertEquals(report.toString(), 3, report.get("imported").asLong());
        assertEquals(0, report.get("failed").asLong());
        assertEquals(1, get("contacts?q=" + withMobile).json().get("total").asLong());
        // the mobile stays unique where there is one
        assertError(post("contacts", obj().put("name", "重复 " + t).put("mobile", withMobile).put("accountId", storeA)), 409, "mobile");
    }

    // ---------------------------------------------------------------- 3. scope holes

    @Test
    public void aScopedManagerCannotMoveAccountsOutOfItsSubtree() {
        JsonNode store = as(managerA, "GET", "accounts/" + storeA, null).expect(200).json();
        assertError(as(managerA, "PUT", "accounts/" + storeA, ((ObjectNode) store.deepCopy()).putNull("parentId")), 400, "parentId");
        assertError(as(managerA, "PUT", "accounts/" + storeA, ((ObjectNode) store.deepCopy()).put("parentId", partnerB)), 400, "parentId");
        JsonNode root = as(managerA, "GET", "accounts/" + partnerA, null).expect(200).json();
        assertError(as(managerA, "PUT", "accounts/" + partnerA, ((ObjectNode) root.deepCopy()).put("parentId", partnerB)), 400, "parentId");
        assertError(as(managerA, "PUT", "accounts/" + partnerA, ((ObjectNode) root.deepCopy()).put("parentId", storeA)), 400, "parentId");
        assertEquals(partnerA, get("accounts/" + storeA).json().get("parentId").asLong());
        assertTrue(get("accounts/" + partnerA).json().get("parentId").isNull());
        // inside the subtree it may
        long second = as(managerA, "POST", "accounts", obj().put("name", "甲二店 " + t).put("type", "STORE").put("parentId", partnerA)).expect(201)
                .json().get("id").asLong();
        JsonNode s = as(managerA, "GET", "accounts/" + second, null).expect(200).json();
        assertEquals(storeA, as(managerA, "PUT", "accounts/" + second, ((ObjectNode) s).put("parentId", storeA)).expect(200).json().get("parentId")
                .asLong());
    }

    @Test
    public void aDuplicateMobileOfAnotherPartnerIsNotNamed() {
        JsonNode e = as(partnerUserA, "POST", "contacts", obj().put("name", "探测 " + t).put("mobile", mobileB).put("accountId", storeA)).expect(409)
                .json();
        assertEquals("mobile", e.get("field").asText());
        assertFalse("no id of the other partner's contact: " + e, e.get("message").asText().matches(".*contact \\d+.*"));
        assertFalse(e.get("message").asText().contains("乙客户"));
        // the same through the import
        JsonNode report = call("POST", "contacts/import", partnerUserA, PASSWORD, "text/csv", "name,mobile,accountId\n探测 " + t + "," + mobileB + ","
                + storeA + "\n").expect(200).json();
        assertEquals(1, report.get("failed").asLong());
        assertFalse(report.toString(), report.toString().matches(".*contact \\d+.*"));
        // within the own subtree the conflicting contact may be named
        JsonNode own = as(partnerUserA, "POST", "contacts", obj().put("name", "重复 " + t).put("mobile", mobileA).put("accountId", storeA)).expect(409)
                .json();
        assertTrue(own.toString(), own.get("message").asText().contains("contact " + contactA));
    }

    @Test
    public void householdsStayWithinThePartner() {
        long houseB = as(partnerUserB, "POST", "households", obj().put("name", "乙之家 " + t)).expect(201).json().get("id").asLong();
        JsonNode cb = as(partnerUserB, "GET", "contacts/" + contactB, null).expect(200).json();
        as(partnerUserB, "PUT", "contacts/" + contactB, ((ObjectNode) cb).put("householdId", houseB)).expect(200);
        assertEquals("乙之家 " + t, as(partnerUserB, "GET", "households/" + houseB, null).expect(200).json().get("name").asText());

        Reply seen = as(partnerUserA, "GET", "households/" + houseB, null);
        assertEquals(404, seen.status());
        assertFalse(seen.body().contains("乙之家"));
        JsonNode ca = as(partnerUserA, "GET", "contacts/" + contactA, null).expect(200).json();
        assertError(as(partnerUserA, "PUT", "contacts/" + contactA, ((ObjectNode) ca.deepCopy()).put("householdId", houseB)), 400, "householdId");
        assertTrue(get("contacts/" + contactA).json().get("householdId").isNull());
        // A's own household works for A
        long houseA = as(partnerUserA, "POST", "households", obj().put("name", "甲之家 " + t)).expect(201).json().get("id").asLong();
        as(partnerUserA, "PUT", "contacts/" + contactA, ((ObjectNode) ca.deepCopy()).put("householdId", houseA)).expect(200);
        assertEquals(1, as(partnerUserA, "GET", "households/" + houseA, null).expect(200).json().get("members").size());
        as(partnerUserB, "GET", "households/" + houseA, null).expect(404);
    }

    @Test
    public void aTillReferenceIsOnlyReadWithinScope() {
        enable(MEMBERS);
        long memberB = post("members", obj().put("name", "乙会员二 " + t).put("mobile", newMobile()).put("joinStoreAccountId", storeB)
                .put("cardKind", "MEMBER")).expect(201).json().get("id").asLong();
        String refB = "HARD-B-" + t;
        post("members/" + memberB + "/points/earn", obj().put("reference", refB).put("amount", 100).put("storeAccountId", storeB)).expect(200);
        assertEquals(refB, get("members/transactions/" + refB).expect(200).json().get("reference").asText());
        assertError(as(viewerA, "GET", "members/transactions/" + refB, null), 404, null);
        assertError(as(clerkA, "GET", "members/transactions/" + refB, null), 404, null);
        // a purchase the clerk recorded at its own store (any member is served at the till) it may look up
        String refA = "HARD-A-" + t;
        as(clerkA, "POST", "members/" + memberB + "/points/earn", obj().put("reference", refA).put("amount", 50).put("storeAccountId", storeA))
                .expect(200);
        assertEquals(refA, as(clerkA, "GET", "members/transactions/" + refA, null).expect(200).json().get("reference").asText());
    }

    // ---------------------------------------------------------------- 4. points overflow

    @Test
    public void pointsAdjustmentsCannotOverflowOrGoBelowZero() {
        enable(MEMBERS);
        long member = post("members", obj().put("name", "积分 " + t).put("mobile", newMobile()).put("joinStoreAccountId", storeA).put("cardKind",
                "MEMBER")).expect(201).json().get("id").asLong();
        post("members/" + member + "/points/adjust", obj().put("reference", "ADJ-1-" + t).put("points", 90).put("reason", "开户赠送")).expect(200);
        String min = "{\"reference\":\"ADJ-MIN-" + t + "\",\"points\":-9223372036854775808,\"reason\":\"overflow\"}";
        assertError(call("POST", "members/" + member + "/points/adjust", ADMIN, ADMIN_PASSWORD, "application/json", min), 400, "points");
        String max = "{\"reference\":\"ADJ-MAX-" + t + "\",\"points\":9223372036854775807,\"reason\":\"overflow\"}";
        assertError(call("POST", "members/" + member + "/points/adjust", ADMIN, ADMIN_PASSWORD, "application/json", max), 400, "points");
        assertError(post("members/" + member + "/points/adjust", obj().put("reference", "ADJ-2-" + t).put("points", -91).put("reason", "x")), 409, null);
        assertEquals(90, get("members/" + member + "/points").expect(200).json().get("pointsBalance").asLong());
        get("members/transactions/ADJ-MIN-" + t).expect(404);
    }

    // ---------------------------------------------------------------- 5. bad query strings

    @Test
    public void malformedEscapesInTheQueryStringAreA400() throws IOException {
        // java.net.URI refuses these, so they go over a plain socket as a hostile client would send them
        for (String query : List.of("q=%E0%A4%A", "q=%zz", "q=abc%")) {
            Reply r = raw("contacts?" + query);
            assertEquals(query + ": " + r.body(), 400, r.status());
            assertEquals("invalid_input", r.json().get("error").asText());
        }
        assertEquals(200, get("contacts?q=" + java.net.URLEncoder.encode("%", StandardCharsets.UTF_8)).status());
    }

    @Test
    public void badTypedQueryParametersAreA400NamingTheParameter() {
        assertError(get("contacts?limit=abc"), 400, "limit");
        assertError(get("contacts?offset=99999999999"), 400, "offset");
        assertError(get("contacts?accountId=1e3"), 400, "accountId");
        assertError(get("accounts?parentId=x"), 400, "parentId");
        assertError(get("audit?limit=ten"), 400, "limit");
        assertError(get("contacts/99999999999999999999"), 400, "id");
        assertEquals(200, get("contacts?limit=5").status());
    }

    /** A GET written byte for byte on a socket (HTTP/1.1, Basic, connection closed after the answer). */
    private static Reply raw(String path) throws IOException {
        int port = Integer.parseInt(System.getProperty("crm.itest.httpPort", Integer.toString(port(18281))));
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            String auth = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /api/v1/" + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int body = answer.indexOf("\r\n\r\n");
            String text = body < 0 ? "" : answer.substring(body + 4);
            if (answer.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                text = text.substring(text.indexOf("\r\n") + 2, text.lastIndexOf("\r\n0\r\n"));
            }
            return new Reply(status, text.strip(), "");
        }
    }

    // ---------------------------------------------------------------- 6. every list answers {items,total}

    @Test
    public void listsAnswerItemsAndTotal() {
        enable(MEMBERS);
        enable(REPAIRS);
        for (String path : List.of("stock/warehouses", "repair-orders/fault-codes", "activities/types")) {
            JsonNode list = get(path).expect(200).json();
            assertTrue(path + ": " + list, list.isObject() && list.get("items").isArray() && list.has("total"));
            assertEquals(path, list.get("items").size(), list.get("total").asLong());
        }
        JsonNode member = post("members", obj().put("name", "卡 " + t).put("mobile", newMobile()).put("joinStoreAccountId", storeA).put("cardKind",
                "MEMBER")).expect(201).json();
        JsonNode cards = get("members/" + member.get("id").asLong() + "/cards").expect(200).json();
        assertTrue(cards.toString(), cards.isObject() && cards.get("items").size() == 1 && cards.get("total").asLong() == 1);
        long order = post("repair-orders", obj().put("contactId", contactA).put("centreAccountId", storeA).put("serialNumber", "LS" + t.toUpperCase())
                .put("symptom", "不充电").put("inWarranty", false)).expect(201).json().get("id").asLong();
        JsonNode replacements = get("repair-orders/" + order + "/replacements").expect(200).json();
        assertTrue(replacements.toString(), replacements.isObject() && replacements.get("total").asLong() == 0);
    }

    // ---------------------------------------------------------------- 7. imports: limit, journal, resume, rollback

    private static String csv(String tag, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("导入").append(tag).append('-').append(i).append(',').append(tag).append('\n');
        }
        return sb.toString();
    }

    private static long tagged(String tag) {
        return get("contacts?tag=" + tag + "&limit=1").expect(200).json().get("total").asLong();
    }

    private void setImportLimit(Long maxBytes) throws Exception {
        Configuration c = configAdmin.getConfiguration("org.opencrm.import", null);
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        if (maxBytes == null) {
            props.remove("maxBytes");
        } else {
            props.put("maxBytes", maxBytes);
        }
        c.update(props);
        long expected = maxBytes == null ? 52_428_800L : maxBytes;
        awaitService("(&(objectClass=org.opencrm.platform.api.csv.ImportLimits)(maxBytes=" + expected + "))");
    }

    private void awaitService(String filter) throws Exception {
        Filter f = FrameworkUtil.createFilter(filter);
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(bundleContext, f, null);
        tracker.open(true);
        try {
            assertNotNull("service " + filter, tracker.waitForService(TimeUnit.SECONDS.toMillis(60)));
        } finally {
            tracker.close();
        }
    }

    @Test
    public void anImportOverTheConfiguredLimitIsA413AndWritesNothing() throws Exception {
        String tag = "big" + t;
        String body = "name,tags\n" + csv(tag, 0, 3000);
        setImportLimit(60_000L);
        try {
            JsonNode e = call("POST", "contacts/import", ADMIN, ADMIN_PASSWORD, "text/csv", body).expect(413).json();
            assertEquals("too_large", e.get("error").asText());
            assertTrue(e.toString(), e.get("message").asText().contains("60000"));
            assertEquals(0, tagged(tag));
            // streamed without a length: stopped at the limit, the chunks already saved are taken back
            Reply streamed = stream("contacts/import", body.getBytes(StandardCharsets.UTF_8), -1, null);
            assertEquals(streamed.body(), 413, streamed.status());
            assertEquals(0, tagged(tag));
        } finally {
            setImportLimit(null);
        }
        assertEquals(3000, call("POST", "contacts/import", ADMIN, ADMIN_PASSWORD, "text/csv", body).expect(200).json().get("imported").asLong());
    }

    @Test
    public void anInterruptedImportIsRecordedAndCanBeResumedOrRolledBack() throws Exception {
        String tag = "res" + t;
        byte[] file = ("name,tags\n" + csv(tag, 0, 3500)).getBytes(StandardCharsets.UTF_8);
        int cut = ("name,tags\n" + csv(tag, 0, 2500)).getBytes(StandardCharsets.UTF_8).length;
        // the client goes away after 2,500 rows, once two chunks are saved
        Reply aborted = stream("contacts/import", file, cut, () -> {
            JsonNode running = get("contacts/imports?status=RUNNING&limit=5").expect(200).json();
            for (JsonNode i : running.get("items")) {
                if (i.get("imported").asLong() >= 2000) {
                    return true;
                }
            }
            return false;
        });
        assertTrue("the upload was cut: " + aborted, aborted.status() < 0);
        JsonNode[] found = new JsonNode[1];
        await("the import is recorded as interrupted", () -> {
            for (JsonNode i : get("contacts/imports?limit=20").expect(200).json().get("items")) {
                if ("INTERRUPTED".equals(i.get("status").asText()) && i.get("imported").asLong() == 2000 && "admin".equals(i.get("actor").asText())
                        && !i.get("id").isNull() && tagged(tag) == 2000) {
                    found[0] = i;
                    return true;
                }
            }
            return false;
        });
        long id = found[0].get("id").asLong();
        JsonNode record = get("contacts/imports/" + id).expect(200).json();
        assertEquals("INTERRUPTED", record.get("status").asText());
        assertNotNull(record.get("startedAt").asText());

        // resumed with the same file: the saved rows are skipped, the rest imported
        JsonNode resumed = call("POST", "contacts/imports/" + id + "/resume", ADMIN, ADMIN_PASSWORD, "text/csv", new String(file, StandardCharsets.UTF_8))
                .expect(200).json();
        assertEquals(resumed.toString(), 3500, resumed.get("imported").asLong());
        assertEquals(3500, tagged(tag));
        assertEquals("COMPLETED", get("contacts/imports/" + id).expect(200).json().get("status").asText());
        assertError(call("POST", "contacts/imports/" + id + "/resume", ADMIN, ADMIN_PASSWORD, "text/csv", new String(file, StandardCharsets.UTF_8)), 409,
                null);

        // rolled back by its id: every contact it created goes (every module that may refer to contacts is asked first,
        // so they must be enabled)
        for (String m : List.of(HANDSETS, MEMBERS, REPAIRS, NOTES)) {
            enable(m);
        }
        JsonNode[] rolledBack = new JsonNode[1];
        await("the rollback runs once every module answers (409 and nothing changed until then)", () -> {
            Reply r = post("contacts/imports/" + id + "/rollback", "");
            assertTrue(r.body(), r.status() == 200 || (r.status() == 409 && "contact_referenced".equals(r.json().get("error").asText())));
            rolledBack[0] = r.status() == 200 ? r.json() : null;
            return r.status() == 200;
        });
        JsonNode rolled = rolledBack[0];
        assertEquals("ROLLED_BACK", rolled.get("status").asText());
        assertEquals(0, tagged(tag));
        // someone else's import is not the partner's business
        as(partnerUserA, "GET", "contacts/imports/" + id, null).expect(404);
        assertError(as(partnerUserA, "POST", "contacts/imports/" + id + "/rollback", ""), 404, null);
    }

    @Test
    public void theExportStreamsEveryRowOnceInIdOrder() {
        String tag = "exp" + t;
        call("POST", "contacts/import", ADMIN, ADMIN_PASSWORD, "text/csv", "name,tags\n" + csv(tag, 0, 2345)).expect(200);
        String export = get("contacts/export?tag=" + tag).expect(200).body();
        String[] lines = export.split("\r\n");
        assertEquals(2346, lines.length);
        long last = -1;
        for (int i = 1; i < lines.length; i++) {
            long id = Long.parseLong(lines[i].substring(0, lines[i].indexOf(',')));
            assertTrue("ascending ids", id > last);
            last = id;
        }
    }

    /**
     * POSTs a CSV as a stream; with {@code cut} >= 0 the client sends that many bytes, waits until {@code before} holds
     * and then fails the upload (the connection is dropped mid-body). Status -1 when the request failed.
     */
    private static Reply stream(String path, byte[] body, int cut, BooleanSupplier before) {
        InputStream in = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int end = cut >= 0 ? cut : body.length;
                if (pos >= end) {
                    if (cut < 0) {
                        return -1;
                    }
                    await("the server saved the first rows", before);
                    throw new IOException("client gone");
                }
                int n = Math.min(len, Math.min(end - pos, 8192));
                System.arraycopy(body, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofInputStream(() -> in)).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            return new Reply(-1, e.toString(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- 8. contacts that modules refer to

    @Test
    public void aContactThatModulesReferToIsNotDeleted() {
        for (String m : List.of(HANDSETS, MEMBERS, REPAIRS, NOTES)) {
            enable(m);
        }
        long plain = createContact("无引用 " + t, newMobile(), storeA);
        long member = createContact("会员客户 " + t, newMobile(), storeA);
        post("members", obj().put("contactId", member).put("joinStoreAccountId", storeA).put("cardKind", "MEMBER")).expect(201);
        long version = get("contacts/" + member).json().get("version").asLong();

        JsonNode refused = delete("contacts/" + member + "?version=" + version).expect(409).json();
        assertEquals("contact_referenced", refused.get("error").asText());
        assertTrue(refused.toString(), refused.get("message").asText().contains("member"));
        get("contacts/" + member).expect(200);
        // in the caller's language
        Reply zh = call("DELETE", "contacts/" + member + "?version=" + version, ADMIN, ADMIN_PASSWORD, null, null, "zh-CN");
        assertEquals(409, zh.status());
        assertTrue(zh.body(), zh.json().get("message").asText().contains("会员"));

        // a warranty card and a repair order refer to it as well
        String model = "RF-" + t.toUpperCase();
        post("handset-models", obj().put("code", model).put("name", "华星 " + model).put("licenceNumber", "02-C045-192736")
                .put("launchDate", "2020-01-01")).expect(201);
        String imei = HandsetRegistryIT.newImei();
        post("handsets", obj().put("imei", imei).put("serialNumber", "RF" + imei).put("modelCode", model)).expect(201);
        long owner = createContact("机主 " + t, newMobile(), storeA);
        post("handsets/" + imei + "/sale", obj().put("contactId", owner).put("storeAccountId", storeA).put("saleDate", businessToday().toString())
                .put("channel", "STORE_CLERK")).expect(201);
        JsonNode card = delete("contacts/" + owner + "?version=" + get("contacts/" + owner).json().get("version").asLong()).expect(409).json();
        assertTrue(card.toString(), card.get("message").asText().contains("warranty card"));
        long customer = createContact("维修客户 " + t, newMobile(), storeA);
        post("repair-orders", obj().put("contactId", customer).put("centreAccountId", storeA).put("serialNumber", "RR" + t.toUpperCase())
                .put("symptom", "进水").put("inWarranty", false)).expect(201);
        JsonNode repair = delete("contacts/" + customer + "?version=" + get("contacts/" + customer).json().get("version").asLong()).expect(409).json();
        assertTrue(repair.toString(), repair.get("message").asText().contains("repair order"));

        // a module that may hold references and is disabled: its references cannot be checked, so no delete
        assertEquals("AVAILABLE", post("modules/" + NOTES + "/disable", "").expect(200).json().get("state").asText());
        try {
            JsonNode blocked = delete("contacts/" + plain + "?version=" + get("contacts/" + plain).json().get("version").asLong()).expect(409).json();
            assertTrue(blocked.toString(), blocked.get("message").asText().contains(NOTES));
        } finally {
            enable(NOTES);
        }
        // enabled again, the module's ContactReferences service comes back with it: the delete goes through
        long v = get("contacts/" + plain).json().get("version").asLong();
        await("the contact is deleted once sample-notes answers again", () -> {
            int status = delete("contacts/" + plain + "?version=" + v).status();
            assertTrue("only 409 (module not back yet) or 204: " + status, status == 409 || status == 204);
            return status == 204;
        });
        get("contacts/" + plain).expect(404);
    }

    private static Reply call(String method, String path, String user, String password, String contentType, String body, String language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", language);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
