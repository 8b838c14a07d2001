package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The franchise audit module over real HTTP (CrmTestSupport's client, as each user): an audit with photos done by a supervisor the plan
 * assigns, a bad photo refused with nothing written, a franchisee who sees only its own stores (404 for another's on
 * every path) and answers its actions, disable/enable keeping the data, and the results working without the handset
 * and membership modules.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FranchiseAuditIT extends CrmTestSupport {
    private static final String MODULE = "franchise-audit";
    private static final String PASSWORD = "Audit-pass-1";
    /** The smallest PNG (1×1). */
    private static final byte[] PNG = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static As admin;
    private static As supervisor;
    private static As franchiseeA;
    private static As franchiseeB;
    private static long storeA;
    private static long storeB;
    private static String nameA;
    private static String nameB;

    /** The API as one user. */
    private record As(String user, String password) {
        Reply get(String path) {
            return call("GET", path, user, password, null, null);
        }

        Reply post(String path, String json) {
            return call("POST", path, user, password, "application/json", json);
        }

        Reply put(String path, String json) {
            return call("PUT", path, user, password, "application/json", json);
        }

        Reply sendBytes(String method, String path, String contentType, byte[] body) {
            return callBytes(method, path, user, password, contentType, body);
        }

        /** A file as a multipart/mixed body: part "file" and a text part per field (name, value, ...). */
        Reply postFile(String path, String fileName, String type, byte[] content, Object... fields) {
            return postMultipart("multipart/mixed", "file", path, fileName, type, content, fields, new String[0]);
        }

        /**
         * A file as {@code curl -F photo=@name -F field=value ...} sends it: multipart/form-data, part "photo", with the request
         * headers given (name, value, ...).
         */
        Reply postForm(String path, String fileName, String type, byte[] content, Object[] fields, String... headers) {
            return postMultipart("multipart/form-data", "photo", path, fileName, type, content, fields, headers);
        }

        private Reply postMultipart(String multipartType, String part, String path, String fileName, String type, byte[] content, Object[] fields,
                String[] headers) {
            String boundary = "fa-" + Long.toHexString(System.nanoTime());
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (int i = 0; i + 1 < fields.length; i += 2) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n" + fields[i + 1] + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName + "\"\r\nContent-Type: "
                    + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return callWith("POST", path, user, password, multipartType + "; boundary=" + boundary, body.toByteArray(), headers);
        }

        /** A CSV export in a language: 200, text/csv, the text (with its BOM). */
        String csv(String path, String language) {
            Download d = downloadWith(path, user, password, "Accept-Language", language);
            assertEquals("GET " + path + ": " + new String(d.bytes(), StandardCharsets.UTF_8), 200, d.status());
            assertTrue(d.contentType(), d.contentType().startsWith("text/csv"));
            return new String(d.bytes(), StandardCharsets.UTF_8);
        }

        Download download(String path, int expected) {
            Download d = CrmTestSupport.download(path, user, password);
            assertEquals("GET " + path + ": " + new String(d.bytes(), StandardCharsets.UTF_8), expected, d.status());
            return d;
        }
    }

    private static As createUser(String username, String role, String scopeType, String region, Long accountId) {
        com.fasterxml.jackson.databind.node.ObjectNode u = obj().put("username", username).put("password", PASSWORD).put("scopeType", scopeType);
        if (region != null) {
            u.put("region", region);
        }
        if (accountId != null) {
            u.put("accountId", accountId);
        }
        u.set("roles", JSON.createArrayNode().add(role));
        post("users", u).expect(201);
        return new As(username, PASSWORD);
    }

    private static JsonNode json(Reply r) {
        return r.json();
    }

    private static String json(Object... keyValues) {
        com.fasterxml.jackson.databind.node.ObjectNode o = obj();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            o.set(keyValues[i].toString(), JSON.valueToTree(keyValues[i + 1]));
        }
        return write(o);
    }

    private static void enabled() {
        if (!"ACTIVE".equals(get("modules/" + MODULE).expect(200).json().get("state").asText())) {
            assertEquals("ACTIVE", post("modules/" + MODULE + "/enable", "").expect(200).json().get("state").asText());
        }
        awaitAnswer("audits/templates");
    }

    /** Waits until the module's resource answers 200 (it is served once the module's services are up). */
    private static void awaitAnswer(String path) {
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (get(path).status() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("GET " + path + " did not answer 200: " + get(path).body());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String tag() {
        return Long.toString(System.nanoTime() % 100_000_000, 36);
    }

    @Before
    public void setUp() {
        enabled();
        if (admin != null) {
            return;
        }
        admin = new As(ADMIN, ADMIN_PASSWORD);
        String t = tag();
        long partnerA = createAccount("华南加盟商 " + t, "FRANCHISEE", null);
        long partnerB = createAccount("华北加盟商 " + t, "FRANCHISEE", null);
        nameA = "南山店 " + t;
        nameB = "朝阳店 " + t;
        storeA = createAccount(nameA, "STORE", partnerA);
        storeB = createAccount(nameB, "STORE", partnerB);
        supervisor = createUser("sup-" + t, "supervisor", "REGION", "NONE-" + t, null);
        franchiseeA = createUser("fa-" + t, "partner", "PARTNER", null, partnerA);
        franchiseeB = createUser("fb-" + t, "partner", "PARTNER", null, partnerB);
        admin.post("audits/plans", json("name", "季度巡店 " + t, "supervisor", supervisor.user(), "everyMonths", 3, "everyMonthsLowGrade", 1))
                .expect(400); // no store chosen
        admin.post("audits/plans", json("name", "季度巡店 " + t, "supervisor", supervisor.user(), "storeIds", List.of(storeA, storeB))).expect(201);
    }

    /** Starts an audit and answers every item PASS (full score) except the codes given (FAIL, or score 0). */
    private static JsonNode audit(As as, long store, String... failing) {
        JsonNode a = as.post("audits", json("storeId", store, "announced", false)).expect(201).json();
        long id = a.get("id").asLong();
        for (JsonNode i : a.get("items")) {
            boolean fail = List.of(failing).contains(i.get("code").asText());
            String body = i.get("answerType").asText().equals("SCORE") ? json("score", fail ? 0 : i.get("maxScore").asInt())
                    : json("answer", fail ? "FAIL" : "PASS");
            as.put("audits/" + id + "/items/" + i.get("id").asLong(), body).expect(200);
        }
        return as.get("audits/" + id).expect(200).json();
    }

    private static long itemId(JsonNode audit, String code) {
        for (JsonNode i : audit.get("items")) {
            if (i.get("code").asText().equals(code)) {
                return i.get("id").asLong();
            }
        }
        throw new AssertionError("no item " + code);
    }

    @Test
    public void auditWithPhotosIsScoredAndBadPhotosAreRefusedWithNothingWritten() {
        JsonNode a = audit(supervisor, storeA, "VI-01");
        long id = a.get("id").asLong();
        long vi01 = itemId(a, "VI-01");
        int trail = json(admin.get("audit?recordType=audit.photo&limit=1")).path("total").asInt(-1);

        // not an image (a GIF, a text renamed .png, a damaged PNG), not multipart: 4xx with a message key, nothing kept
        Reply gif = supervisor.postFile("audits/" + id + "/photos", "x.png", "image/png",
                "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), "itemId", vi01).expect(400);
        assertTrue(gif.body(), gif.body().contains("audit.photoType") || gif.body().contains("JPEG or PNG"));
        supervisor.postFile("audits/" + id + "/photos", "x.png", "image/png", java.util.Arrays.copyOf(PNG, 30), "itemId", vi01).expect(400);
        supervisor.sendBytes("POST", "audits/" + id + "/photos", "image/png", PNG).expect(415);
        assertEquals(0, json(supervisor.get("audits/" + id)).get("photos").size());
        assertEquals(trail, json(admin.get("audit?recordType=audit.photo&limit=1")).path("total").asInt(-1));

        // VI-01 failed and needs a photo before submitting
        supervisor.put("audits/" + id + "/finish", json("comment", "门头灯箱不亮", "acknowledgedBy", "店长 李雷")).expect(200);
        assertTrue(supervisor.post("audits/" + id + "/submit", "").expect(400).body().contains("VI-01"));
        long photo = supervisor.postFile("audits/" + id + "/photos", "门头.png", "image/png", PNG, "itemId", vi01).expect(201).json().get("id").asLong();
        JsonNode done = json(supervisor.post("audits/" + id + "/submit", "").expect(200));
        assertEquals("SUBMITTED", done.get("status").asText());
        // 95 of 105 = 90.476.. -> 90.48, grade A
        assertEquals(new BigDecimal("90.48"), done.get("score").decimalValue());
        assertEquals("A", done.get("grade").asText());
        assertEquals("店长 李雷", done.get("acknowledgedBy").asText());
        // read-only now
        supervisor.put("audits/" + id + "/items/" + vi01, json("answer", "PASS")).expect(409);

        Download png = franchiseeA.download("audits/" + id + "/photos/" + photo, 200);
        assertEquals("image/png", png.contentType());
        assertEquals(PNG.length, png.bytes().length);
        assertEquals("image/jpeg", franchiseeA.download("audits/" + id + "/photos/" + photo + "?thumbnail=true", 200).contentType());
        // the printable report, for the store's file: a PDF for those who see the store, 404 for others
        Download pdf = franchiseeA.download("audits/" + id + "/report.pdf", 200);
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("%PDF", new String(pdf.bytes(), 0, 4, StandardCharsets.ISO_8859_1));
        franchiseeB.download("audits/" + id + "/report.pdf", 404);
        franchiseeB.download("audits/" + id + "/photos/" + photo, 404);
        // the store account's timeline shows the audit
        assertTrue(admin.get("accounts/" + storeA + "/timeline").expect(200).body().contains("90.48 / A"));
    }

    @Test
    public void franchiseeSeesOnlyItsOwnStoresAndAnswersItsActions() {
        JsonNode a = audit(admin, storeA, "SA-03");
        JsonNode b = audit(admin, storeB, "SA-03");
        for (JsonNode x : List.of(a, b)) {
            admin.put("audits/" + x.get("id").asLong() + "/finish", json("acknowledgedBy", "店长")).expect(200);
            admin.post("audits/" + x.get("id").asLong() + "/submit", "").expect(200);
        }
        long idA = a.get("id").asLong();
        long idB = b.get("id").asLong();
        List<Long> seen = new ArrayList<>();
        json(franchiseeA.get("audits?limit=500").expect(200)).get("items").forEach(i -> seen.add(i.get("storeId").asLong()));
        assertTrue(seen.contains(storeA));
        assertFalse(seen.contains(storeB));
        franchiseeA.get("audits/" + idB).expect(404);
        franchiseeA.get("audits/results/stores/" + storeB).expect(404);
        franchiseeA.get("audits/results/trend?storeId=" + storeB).expect(404);
        long actionB = json(admin.get("audits/actions?auditId=" + idB)).get("items").get(0).get("id").asLong();
        franchiseeA.get("audits/actions/" + actionB).expect(404);
        franchiseeA.post("audits/actions/" + actionB + "/response", json("response", "改好了")).expect(404);
        franchiseeA.postFile("audits/actions/" + actionB + "/evidence", "a.png", "image/png", PNG).expect(404);
        json(franchiseeA.get("audits/results/ranking?limit=500")).get("items").forEach(r -> assertTrue(r.get("storeId").asLong() != storeB));
        // a franchisee does not audit
        franchiseeA.post("audits", json("storeId", storeA)).expect(403);

        // its own action: respond with evidence; the supervisor (assigned by the plan) reopens, then accepts
        long actionA = json(franchiseeA.get("audits/actions?auditId=" + idA)).get("items").get(0).get("id").asLong();
        franchiseeA.post("audits/actions/" + actionA + "/response", json("response", "单据已补全")).expect(200);
        franchiseeA.postFile("audits/actions/" + actionA + "/evidence", "单据.png", "image/png", PNG).expect(201);
        assertEquals("OPEN", json(supervisor.post("audits/actions/" + actionA + "/verification", "{\"accept\":false,\"note\":\"缺签字\"}").expect(200))
                .get("status").asText());
        franchiseeA.post("audits/actions/" + actionA + "/verification", "{\"accept\":true}").expect(403);
        franchiseeA.post("audits/actions/" + actionA + "/response", json("response", "已签字")).expect(200);
        JsonNode closed = json(supervisor.post("audits/actions/" + actionA + "/verification", "{\"accept\":true}").expect(200));
        assertEquals("CLOSED", closed.get("status").asText());
        assertEquals(1, closed.get("evidence").size());
        franchiseeB.get("audits/" + idA).expect(404);

        // the CSV exports hold what the JSON lists hold, in the same scope: UTF-8 with a BOM, headers in the caller's language
        String ranking = franchiseeA.csv("audits/results/ranking/export", "zh-CN,zh;q=0.9");
        assertTrue(ranking, ranking.startsWith("\uFEFF排名,门店,区域,得分,等级,巡检日期\r\n"));
        assertTrue(ranking, ranking.contains(nameA));
        assertFalse(ranking, ranking.contains(nameB));
        String all = admin.csv("audits/results/ranking/export", "en");
        assertTrue(all, all.startsWith("\uFEFFRank,Store,Region,Score,Grade,Audit date\r\n") && all.contains(nameA) && all.contains(nameB));
        String actions = franchiseeA.csv("audits/actions/export?auditId=" + idA, "zh-CN");
        assertTrue(actions, actions.startsWith("\uFEFF门店,检查项编号,检查内容,严重程度,整改期限,已逾期,状态\r\n"));
        assertTrue(actions, actions.contains(nameA + ",SA-03,") && actions.contains("已关闭"));
        assertEquals(actions, 2, actions.split("\r\n").length);
        franchiseeA.download("audits/actions/export?status=LOST", 400);
        assertFalse(franchiseeA.csv("audits/actions/export", "en").contains(nameB));
    }

    @Test
    public void refusalsCarryTheirKeyInTheCallersLanguageAndPhotosComeAsFormData() {
        JsonNode a = supervisor.post("audits", json("storeId", storeA, "announced", true)).expect(201).json();
        long id = a.get("id").asLong();
        long vi01 = itemId(a, "VI-01");
        String photos = "audits/" + id + "/photos";
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);

        // Accept-Language zh-CN: the module's Chinese text, and the key either way
        JsonNode zh = supervisor.postForm(photos, "x.png", "image/png", gif, new Object[] { "itemId", vi01 }, "X-Requested-With", "curl",
                "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").expect(400).json();
        assertEquals("invalid_input", zh.get("error").asText());
        assertEquals("audit.photoType", zh.get("messageKey").asText());
        assertEquals("照片必须是 JPEG 或 PNG 图片，未保存任何内容。", zh.get("message").asText());
        assertEquals("file", zh.get("field").asText());
        JsonNode en = supervisor.postFile(photos, "x.png", "image/png", gif, "itemId", vi01).expect(400).json();
        assertEquals("audit.photoType", en.get("messageKey").asText());
        assertTrue(en.toString(), en.get("message").asText().contains("JPEG or PNG"));
        // a refusal with arguments: the item that is not answered, named in the Chinese text
        JsonNode unanswered = callWith("POST", "audits/" + id + "/submit", supervisor.user(), supervisor.password(), null, null, "Accept-Language", "zh-CN")
                .expect(400).json();
        assertEquals("audit.unanswered", unanswered.get("messageKey").asText());
        String item = unanswered.get("field").asText().substring("items.".length());
        assertEquals(item + " 尚未作答。", unanswered.get("message").asText());
        // the checklist itself in the caller's language, as the refusals (the default template has both): Chinese for zh-CN, else English
        JsonNode zhAudit = callWith("GET", "audits/" + id, supervisor.user(), supervisor.password(), null, null, "Accept-Language", "zh-CN").expect(200).json();
        assertEquals("zh_CN", zhAudit.get("language").asText());
        assertEquals("门头招牌完好、清洁，灯箱夜间正常点亮", zhAudit.get("items").get(0).get("question").asText());
        JsonNode enAudit = supervisor.get("audits/" + id).expect(200).json();
        assertEquals("en", enAudit.get("language").asText());
        assertEquals("Shopfront sign intact and clean, light box lit at night", enAudit.get("items").get(0).get("question").asText());
        assertEquals("Visual identity (VI)", enAudit.get("sections").get(0).get("title").asText());

        // multipart/form-data as a cross-site form could send it (Basic credentials, no header a form cannot set): 415, nothing kept
        JsonNode form = supervisor.postForm(photos, "门头.png", "image/png", PNG, new Object[] { "itemId", vi01 }).expect(415).json();
        assertEquals("formContentType", form.get("messageKey").asText());
        // from another site, the header does not help
        supervisor.postForm(photos, "门头.png", "image/png", PNG, new Object[] { "itemId", vi01 }, "X-Requested-With", "XMLHttpRequest",
                "Sec-Fetch-Site", "cross-site").expect(403);
        assertEquals(0, supervisor.get("audits/" + id).expect(200).json().get("photos").size());
        // curl -u ... -H "X-Requested-With: curl" -F photo=@门头.png -F itemId=...: taken, as from the API's own page (same origin)
        supervisor.postForm(photos, "门头.png", "image/png", PNG, new Object[] { "itemId", vi01 }, "X-Requested-With", "curl").expect(201);
        supervisor.postForm(photos, "门头2.png", "image/png", PNG, new Object[] { "itemId", vi01 }, "Sec-Fetch-Site", "same-origin").expect(201);
        assertEquals(2, supervisor.get("audits/" + id).expect(200).json().get("photos").size());
    }

    @Test
    public void disableAndEnableKeepTheDataAndResultsWorkWithoutSalesModules() {
        JsonNode a = audit(admin, storeB);
        long id = a.get("id").asLong();
        admin.put("audits/" + id + "/finish", json("acknowledgedBy", "店长")).expect(200);
        admin.post("audits/" + id + "/submit", "").expect(200);
        assertEquals("AVAILABLE", json(admin.post("modules/" + MODULE + "/disable", "").expect(200)).get("state").asText());
        admin.get("audits/" + id).expect(404);
        enabled();
        assertEquals("SUBMITTED", json(admin.get("audits/" + id).expect(200)).get("status").asText());

        // with the handset registry enabled, its handset sales stand beside the score
        if (!"ACTIVE".equals(json(admin.get("modules/handset-registry").expect(200)).get("state").asText())) {
            admin.post("modules/handset-registry/enable", "").expect(200);
        }
        long deadline = System.currentTimeMillis() + PATIENCE.toMillis();
        while (!admin.get("audits/results/sales").body().contains("handset.units")) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no handset sales beside the score: " + admin.get("audits/results/sales").body());
            }
            pause();
        }
        for (String other : List.of("handset-registry", "membership-points")) {
            if ("ACTIVE".equals(json(admin.get("modules/" + other).expect(200)).get("state").asText())) {
                admin.post("modules/" + other + "/disable", "").expect(200);
            }
        }
        JsonNode sales = json(admin.get("audits/results/sales").expect(200));
        assertEquals("noSalesModules", sales.get("note").asText());
        assertEquals(0, sales.get("providers").size());
        assertTrue(sales.get("rows").size() > 0);
        admin.get("audits/results/regions").expect(200);
        admin.get("audits/results/failed-items").expect(200);
        admin.get("audits/results/trend?months=12").expect(200);
        admin.get("audits/results/actions").expect(200);
    }
}
