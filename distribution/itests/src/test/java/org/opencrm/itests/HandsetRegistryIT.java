package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The handset registry module over real HTTP: catalogue, registration with IMEI validation and duplicates, warranty
 * cards, the warranty check, return and exchange windows with the HQ override, transfer, history, a contact's
 * handsets, the card import with a per-row report, a store clerk's data scope, and the module coming and going with
 * its data kept.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class HandsetRegistryIT extends CrmTestSupport {
    private static final String MODULE = "handset-registry";
    private static final String PASSWORD = "Handset-pass-1";

    // ---------------------------------------------------------------- helpers

    private static void enabled() {
        if (!"ACTIVE".equals(get("modules/" + MODULE).expect(200).json().get("state").asText())) {
            assertEquals("ACTIVE", post("modules/" + MODULE + "/enable", "").expect(200).json().get("state").asText());
        }
    }

    /** A random valid IMEI (Luhn check digit), in a TAC range of its own. */
    static String newImei() {
        String body = "35" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = body.charAt(i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    private static String tag() {
        return Long.toString(System.nanoTime() % 10_000_000, 36).toUpperCase();
    }

    private static String model(String code) {
        post("handset-models", obj().put("code", code).put("name", "华星 " + code).put("licenceNumber", "02-C045-192736")
                .put("launchDate", "2020-01-01").put("batteryMonths", 6)).expect(201);
        return code;
    }

    private static String register(String model) {
        String imei = newImei();
        post("handsets", obj().put("imei", imei).put("serialNumber", "IT" + imei).put("modelCode", model).put("batch", "B-IT")).expect(201);
        return imei;
    }

    private static ObjectNode sale(long contact, long store, LocalDate date) {
        return obj().put("contactId", contact).put("storeAccountId", store).put("invoiceNumber", "FP" + tag()).put("saleDate", date.toString())
                .put("channel", "STORE_CLERK");
    }

    private static String sold(String model, long contact, long store, LocalDate date) {
        String imei = register(model);
        post("handsets/" + imei + "/sale", sale(contact, store, date)).expect(201);
        return imei;
    }

    private static LocalDate today() {
        return businessToday();
    }

    private static List<String> historyTypes(String key) {
        List<String> types = new ArrayList<>();
        get("handsets/" + key + "/history").expect(200).json().get("items").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static void assertError(Reply r, int status, String field) {
        r.expect(status);
        JsonNode e = r.json();
        assertFalse("a message: " + r.body(), e.get("message").asText().isBlank());
        assertEquals("field named in " + r.body(), field, e.get("field").asText());
    }

    private static Reply as(String user, String method, String path, Object body) {
        return call(method, path, user, PASSWORD, body == null ? null : "application/json", body == null ? null : write(body));
    }

    // ---------------------------------------------------------------- tests

    @Test
    public void catalogueAndRegistrationValidateAndRefuseDuplicates() {
        enabled();
        String code = "IT-" + tag();
        JsonNode m = post("handset-models", obj().put("code", code.toLowerCase()).put("name", "华星 Nova").put("licenceNumber", "02-C045-192736")
                .put("launchDate", "2024-01-10").put("handsetMonths", 24)).expect(201).json();
        assertEquals(code, m.get("code").asText());
        assertEquals(24, m.get("effective").get("handset").asInt());
        assertEquals("the three-guarantees default", 6, m.get("effective").get("battery").asInt());
        assertError(post("handset-models", obj().put("code", code).put("name", "again")), 409, "code");
        assertError(post("handset-models", obj().put("code", "IT-" + tag()).put("name", "x").put("licenceNumber", "12345")), 400, "licenceNumber");
        JsonNode updated = put("handset-models/" + m.get("id").asLong(), ((ObjectNode) m.deepCopy()).put("name", "华星 Nova 新")).expect(200).json();
        assertEquals("华星 Nova 新", updated.get("name").asText());
        assertError(put("handset-models/" + m.get("id").asLong(), ((ObjectNode) m.deepCopy()).put("name", "stale")), 409, "version");

        String imei = newImei();
        String imei2 = newImei();
        JsonNode unit = post("handsets", obj().put("imei", imei).put("imei2", imei2).put("serialNumber", "sn" + imei).put("modelCode", code)
                .put("scrambleCode", "X7Q2").put("batch", "2024W10")).expect(201).json();
        assertEquals("IN_STOCK", unit.get("status").asText());
        assertEquals(imei, get("handsets/" + imei2).expect(200).json().get("imei").asText());
        assertEquals(imei, get("handsets/SN" + imei).expect(200).json().get("imei").asText());

        assertError(post("handsets", obj().put("imei", imei).put("serialNumber", "other" + imei).put("modelCode", code)), 409, "imei");
        assertError(post("handsets", obj().put("imei", imei2).put("serialNumber", "other" + imei).put("modelCode", code)), 409, "imei");
        assertError(post("handsets", obj().put("imei", newImei()).put("serialNumber", "SN" + imei).put("modelCode", code)), 409, "serialNumber");

        // a bad check digit: 400 naming the field, and nothing written
        String good = newImei();
        String bad = good.substring(0, 14) + (char) ('0' + (good.charAt(14) - '0' + 1) % 10);
        JsonNode e = post("handsets", obj().put("imei", bad).put("serialNumber", "BAD" + bad).put("modelCode", code)).expect(400).json();
        assertEquals("imei", e.get("field").asText());
        assertTrue(e.toString(), e.get("message").asText().contains("check digit"));
        // the same refusal in the caller's language: the module's own texts (its RefusalTexts), the key either way
        byte[] badUnit = obj().put("imei", bad).put("serialNumber", "BAD" + bad).put("modelCode", code).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode zh = callWith("POST", "handsets", ADMIN, ADMIN_PASSWORD, "application/json", badUnit, "Accept-Language", "zh-CN").expect(400).json();
        assertEquals("handset.imeiCheckDigit", zh.get("messageKey").asText());
        assertEquals("“" + bad + "”不是有效的 IMEI：最后一位（校验位）应为 " + good.charAt(14) + "。请核对包装盒上的号码或拨打 *#06# 查看。",
                zh.get("message").asText());
        assertError(post("handsets", obj().put("imei", "12345").put("serialNumber", "BAD2" + bad).put("modelCode", code)), 400, "imei");
        assertError(post("handsets", obj().put("imei", good).put("serialNumber", "BAD3" + bad).put("modelCode", "NO-SUCH-MODEL")), 400, "modelCode");
        assertError(post("handsets", obj().put("imei", good).put("serialNumber", "BAD4" + bad).put("modelCode", code).put("colour", "red")), 400, "colour");
        get("handsets/BAD" + bad).expect(404);
        get("handsets/" + good).expect(404);
        assertEquals(0, get("handsets?serial=BAD").expect(200).json().get("total").asLong());

        JsonNode paths = get("openapi.json").expect(200).json().get("paths");
        for (String p : List.of("/handsets", "/handsets/{key}", "/handsets/{imei}/sale", "/handsets/{imei}/exchange", "/handsets/warranty-cards/import",
                "/handset-models", "/warranty", "/contacts/{id}/handsets")) {
            assertTrue("OpenAPI lists " + p, paths.has(p));
        }
    }

    @Test
    public void saleWarrantyReturnExchangeTransferAndHistory() {
        enabled();
        String code = model("ITL-" + tag());
        long store = createAccount("华强北店 " + tag(), "STORE", null);
        long owner = createContact("陈晓", newMobile(), store);
        long heir = createContact("陈小明", newMobile(), store);
        LocalDate today = today();

        // the card: per-handset and per-accessory warranty ends
        String imei = register(code);
        ObjectNode card = sale(owner, store, today.minusDays(3));
        ArrayNode accessories = card.putArray("accessories");
        accessories.addObject().put("type", "BATTERY").put("code", "BT-1");
        accessories.addObject().put("type", "WIRED_HEADSET");
        JsonNode sold = post("handsets/" + imei + "/sale", card).expect(201).json();
        assertEquals("SOLD", sold.get("status").asText());
        assertEquals(today.minusDays(3).plusMonths(12).toString(), sold.get("warrantyUntil").asText());
        assertEquals(today.minusDays(3).plusMonths(6).toString(), sold.get("card").get("accessories").get(0).get("warrantyUntil").asText());
        assertEquals(today.minusDays(3).plusMonths(3).toString(), sold.get("card").get("accessories").get(1).get("warrantyUntil").asText());
        assertError(post("handsets/" + imei + "/sale", card), 409, "status");
        assertError(post("handsets/" + register(code) + "/sale", sale(owner, store, today.plusDays(1))), 400, "saleDate");
        assertError(post("handsets/" + register(code) + "/sale", sale(owner, store, today).putNull("channel")), 400, "channel");

        JsonNode w = get("warranty?imei=" + imei).expect(200).json();
        assertTrue(w.toString(), w.get("inWarranty").asBoolean());
        assertEquals(sold.get("warrantyUntil").asText(), w.get("until").asText());
        JsonNode battery = get("warranty?imei=" + imei + "&accessory=BATTERY&date=" + today.minusDays(3).plusMonths(6).plusDays(1)).expect(200).json();
        assertFalse(battery.get("inWarranty").asBoolean());
        assertEquals("EXPIRED", battery.get("reason").asText());
        assertEquals("ACCESSORY_NOT_REGISTERED", get("warranty?imei=" + imei + "&accessory=CHARGER").json().get("reason").asText());
        assertEquals("NOT_REGISTERED", get("warranty?imei=" + newImei()).expect(200).json().get("reason").asText());
        assertError(get("warranty?imei=123"), 400, "imei");
        assertError(get("warranty?imei=" + imei + "&date=2024-02-30"), 400, "date");

        // return: day 7 in time, day 8 refused naming the window and the days, unless HQ overrides with a reason
        String day7 = sold(code, owner, store, today.minusDays(7));
        assertEquals("RETURNED", post("handsets/" + day7 + "/return", obj().put("note", "不想要了")).expect(200).json().get("status").asText());
        assertEquals("RETURNED", get("warranty?imei=" + day7).json().get("reason").asText());
        String day8 = sold(code, owner, store, today.minusDays(8));
        JsonNode late = post("handsets/" + day8 + "/return", obj()).expect(409).json();
        assertEquals("return_window_expired", late.get("error").asText());
        assertTrue(late.toString(), late.get("message").asText().contains("within 7 days") && late.get("message").asText().contains("day 8"));
        assertEquals("SOLD", get("handsets/" + day8).json().get("status").asText());
        JsonNode overridden = post("handsets/" + day8 + "/return", obj().put("overrideReason", "质量问题，总部批准")).expect(200).json();
        assertEquals("RETURNED", overridden.get("status").asText());
        JsonNode lastEvent = get("handsets/" + day8 + "/history").json().get("items").get(2);
        assertTrue(lastEvent.toString(), lastEvent.get("overrideReason").asText().contains("总部批准"));
        assertTrue(get("audit/handset/" + overridden.get("id").asLong()).expect(200).body().contains("总部批准"));

        // exchange on day 15: the owner and the card move to the new unit, whose warranty starts again today
        String faulty = sold(code, owner, store, today.minusDays(15));
        String replacement = register(code);
        JsonNode ex = post("handsets/" + faulty + "/exchange", obj().put("newImei", replacement).put("note", "无法开机")).expect(200).json();
        assertEquals("EXCHANGED", ex.get("returned").get("status").asText());
        assertEquals("SOLD", ex.get("issued").get("status").asText());
        assertEquals(owner, ex.get("issued").get("ownerContactId").asLong());
        assertEquals(today.toString(), ex.get("issued").get("warrantyStart").asText());
        assertEquals(today.plusMonths(12).toString(), ex.get("issued").get("warrantyUntil").asText());
        assertEquals("EXCHANGED", get("warranty?imei=" + faulty).json().get("reason").asText());
        assertTrue(get("warranty?imei=" + replacement).json().get("inWarranty").asBoolean());
        assertEquals(List.of("REGISTERED", "SOLD", "EXCHANGED_OUT"), historyTypes(faulty));
        assertEquals(List.of("REGISTERED", "EXCHANGED_IN"), historyTypes(replacement));
        String day16 = sold(code, owner, store, today.minusDays(16));
        JsonNode refused = post("handsets/" + day16 + "/exchange", obj().put("newImei", register(code))).expect(409).json();
        assertTrue(refused.toString(), refused.get("message").asText().contains("within 15 days") && refused.get("message").asText().contains("day 16"));

        // transfer: the new owner has the unit, the previous one stays in the history
        JsonNode moved = post("handsets/" + replacement + "/transfer", obj().put("contactId", heir).put("note", "送给儿子")).expect(200).json();
        assertEquals(heir, moved.get("ownerContactId").asLong());
        JsonNode transfer = get("handsets/" + replacement + "/history").json().get("items").get(2);
        assertEquals("TRANSFERRED", transfer.get("type").asText());
        assertEquals(owner, transfer.get("previousContactId").asLong());
        assertEquals(heir, transfer.get("contactId").asLong());

        // a contact's handsets and timeline
        List<String> owned = new ArrayList<>();
        get("contacts/" + owner + "/handsets").expect(200).json().get("items").forEach(h -> owned.add(h.get("imei").asText()));
        assertTrue(owned.toString(), owned.contains(imei) && owned.contains(day16));
        assertFalse("returned and exchanged units are no longer the owner's", owned.contains(day7) || owned.contains(faulty) || owned.contains(replacement));
        assertEquals(replacement, get("contacts/" + heir + "/handsets").json().get("items").get(0).get("imei").asText());
        String timeline = get("contacts/" + owner + "/timeline?limit=100").expect(200).body();
        for (String type : List.of("HANDSET_SOLD", "HANDSET_RETURNED", "HANDSET_EXCHANGED", "HANDSET_TRANSFERRED")) {
            assertTrue(type + " on the owner's timeline", timeline.contains(type));
        }
        assertTrue(get("contacts/" + heir + "/timeline").body().contains("HANDSET_TRANSFERRED"));
        // the titles in the reader's language: said by the module's texts with Accept-Language zh-CN, English without
        String inChinese = callWith("GET", "contacts/" + owner + "/timeline?limit=100", ADMIN, ADMIN_PASSWORD, null, null, "Accept-Language", "zh-CN").body();
        assertTrue(inChinese, inChinese.contains("购机：") && inChinese.contains("退机：") && inChinese.contains("\"titleKey\":\"timeline.title.sold\""));
        assertTrue(timeline, timeline.contains("Handset bought: ") && !timeline.contains("购机："));
        get("contacts/999999999/handsets").expect(404);

        // search and export
        assertEquals(1, get("handsets?imei=" + imei).expect(200).json().get("total").asLong());
        assertTrue(get("handsets?model=" + code + "&status=RETURNED").expect(200).json().get("total").asLong() >= 2);
        assertError(get("handsets?status=LOST"), 400, "status");
        Reply csv = call("GET", "handsets/export?model=" + code, ADMIN, ADMIN_PASSWORD, null, null).expect(200);
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        assertTrue(csv.body().contains(imei) && csv.body().contains(replacement));
    }

    @Test
    public void ofTwoConcurrentSalesOfOneUnitOneSucceeds() throws Exception {
        enabled();
        String code = model("ITC-" + tag());
        long store = createAccount("并发店 " + tag(), "STORE", null);
        long a = createContact("甲", newMobile(), store);
        long b = createContact("乙", newMobile(), store);
        String imei = register(code);
        CountDownLatch go = new CountDownLatch(1);
        int[] statuses = new int[2];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int n = i;
            threads.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                statuses[n] = post("handsets/" + imei + "/sale", sale(n == 0 ? a : b, store, today())).status();
            }));
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        List<Integer> got = new ArrayList<>(List.of(statuses[0], statuses[1]));
        got.sort(null);
        assertEquals(List.of(201, 409), got);
        assertEquals(List.of("REGISTERED", "SOLD"), historyTypes(imei));
    }

    @Test
    public void cardImportKeepsGoodRowsAndReportsBadOnesByColumn() {
        enabled();
        String code = model("ITI-" + tag());
        long store = createAccount("导入店 " + tag(), "STORE", null);
        String mobile = newMobile();
        createContact("刘洋", mobile, store);
        String good = register(code);
        String untouched = register(code);
        String other = register(code);
        String badImei = good.substring(0, 14) + (char) ('0' + (good.charAt(14) - '0' + 1) % 10);
        String csv = "imei,ownerMobile,storeAccountId,saleDate,invoiceNumber,accessories\n"
                + good + "," + mobile + "," + store + "," + today().minusDays(1) + ",FP-1,BATTERY:B1;CHARGER:C1\n"
                + badImei + "," + mobile + "," + store + "," + today() + ",FP-2,\n"
                + untouched + ",19999999999," + store + "," + today() + ",FP-3,\n"
                + untouched + "," + mobile + "," + store + "," + today().plusDays(2) + ",FP-4,\n"
                + untouched + "," + mobile + "," + store + "," + today() + ",FP-5,SCREEN:1\n"
                + other + "," + mobile + "," + store + "," + today() + ",FP-6,WIRED_HEADSET\n";
        JsonNode report = call("POST", "handsets/warranty-cards/import", ADMIN, ADMIN_PASSWORD, "text/csv", csv).expect(200).json();
        assertEquals(6, report.get("total").asLong());
        assertEquals(2, report.get("imported").asLong());
        assertEquals(4, report.get("failed").asLong());
        List<String> fields = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        report.get("errors").forEach(e -> {
            fields.add(e.get("field").asText());
            lines.add(e.get("line").asLong());
        });
        assertEquals(List.of("imei", "ownerMobile", "saleDate", "accessories"), fields);
        assertEquals(List.of(3L, 4L, 5L, 6L), lines);
        assertEquals("SOLD", get("handsets/" + good).json().get("status").asText());
        assertEquals(2, get("handsets/" + good).json().get("card").get("accessories").size());
        JsonNode still = get("handsets/" + untouched).json();
        assertEquals("a bad row writes nothing", "IN_STOCK", still.get("status").asText());
        assertTrue(still.get("card").isNull());
        assertEquals(List.of("REGISTERED"), historyTypes(untouched));
        assertError(call("POST", "handsets/warranty-cards/import", ADMIN, ADMIN_PASSWORD, "text/csv", "imei,colour\n1,red\n"), 400, "header");
    }

    @Test
    public void aStoreClerkSellsOnlyThroughOwnStoresAndSeesOnlyTheirUnits() {
        enabled();
        String code = model("ITS-" + tag());
        String t = tag();
        long partnerA = createAccount("成都代理 " + t, "PROVINCIAL_DISTRIBUTOR", null);
        long storeA = createAccount("春熙路店 " + t, "STORE", partnerA);
        long partnerB = createAccount("重庆代理 " + t, "PROVINCIAL_DISTRIBUTOR", null);
        long storeB = createAccount("解放碑店 " + t, "STORE", partnerB);
        long customerA = createContact("周敏", newMobile(), storeA);
        long customerB = createContact("吴刚", newMobile(), storeB);
        // the distribution's default roles have no store role with handset permissions: the clerk gets every
        // permission (role admin) and the STORE scope, so what limits it here is the data scope alone
        String clerk = "clerk" + t.toLowerCase();
        post("users", obj().put("username", clerk).put("password", PASSWORD).put("scopeType", "STORE").put("accountId", storeA)
                .set("roles", JSON.createArrayNode().add("admin"))).expect(201);
        // a call-centre agent has no handset permission in the default roles
        String agent = "agent" + t.toLowerCase();
        post("users", obj().put("username", agent).put("password", PASSWORD).set("roles", JSON.createArrayNode().add("agent"))).expect(201);

        String inHand = register(code);
        assertEquals("the unit in the clerk's hands is found by its IMEI", inHand, as(clerk, "GET", "handsets/" + inHand, null).expect(200).json().get("imei").asText());
        JsonNode denied = as(clerk, "POST", "handsets/" + inHand + "/sale", sale(customerA, storeB, today())).expect(403).json();
        assertTrue(denied.toString(), denied.get("message").asText().contains("outside your data scope"));
        assertEquals("IN_STOCK", get("handsets/" + inHand).json().get("status").asText());
        as(clerk, "POST", "handsets/" + inHand + "/sale", sale(customerA, storeA, today())).expect(201);

        String elsewhere = sold(code, customerB, storeB, today());
        as(clerk, "GET", "handsets/" + elsewhere, null).expect(404);
        // the printed warranty card (三包凭证): the clerk's unit as a PDF with its IMEI and store inside, another store's unit 404
        String card = pdfText(download("handsets/" + inHand + "/warranty-card.pdf?lang=zh_CN", clerk, PASSWORD));
        assertTrue(card, card.contains(inHand) && card.contains("春熙路店 " + t) && card.contains("三包凭证"));
        // without ?lang= and Accept-Language the card is English, like every other answer of the API
        String english = pdfText(download("handsets/" + inHand + "/warranty-card.pdf", clerk, PASSWORD));
        assertTrue(english, english.contains(inHand) && english.contains("Warranty card") && !english.contains("三包凭证"));
        assertEquals(404, download("handsets/" + elsewhere + "/warranty-card.pdf", clerk, PASSWORD).status());
        as(clerk, "GET", "handsets/" + elsewhere + "/history", null).expect(404);
        as(clerk, "POST", "handsets/" + elsewhere + "/return", obj()).expect(404);
        JsonNode list = as(clerk, "GET", "handsets?model=" + code, null).expect(200).json();
        assertEquals(list.toString(), 1, list.get("total").asLong());
        assertEquals(inHand, list.get("items").get(0).get("imei").asText());
        assertEquals(2, get("handsets?model=" + code + "&status=SOLD").json().get("total").asLong());
        String export = as(clerk, "GET", "handsets/export?model=" + code, null).expect(200).body();
        assertTrue(export.contains(inHand));
        assertFalse(export.contains(elsewhere));

        // permissions: without them every path is a 403 naming the permission
        assertTrue(as(agent, "GET", "handsets/" + elsewhere, null).expect(403).body().contains("handset.read"));
        as(agent, "GET", "warranty?imei=" + elsewhere, null).expect(403);
        assertTrue(as(agent, "POST", "handsets/" + register(code) + "/sale", sale(customerB, storeB, today())).expect(403).body().contains("handset.sale"));
        assertTrue(as(agent, "POST", "handsets", obj().put("imei", newImei()).put("serialNumber", "V" + t).put("modelCode", code)).expect(403).body()
                .contains("handset.write"));
    }

    @Test
    public void disablingKeepsTheDataAndEnablingShowsItAgain() {
        enabled();
        String code = model("ITD-" + tag());
        long store = createAccount("开关店 " + tag(), "STORE", null);
        long owner = createContact("郑爽", newMobile(), store);
        String imei = sold(code, owner, store, today());

        assertEquals("AVAILABLE", post("modules/" + MODULE + "/disable", "").expect(200).json().get("state").asText());
        get("handsets/" + imei).expect(404);
        get("warranty?imei=" + imei).expect(404);
        get("handset-models").expect(404);
        get("contacts/" + owner + "/handsets").expect(404);
        get("contacts/" + owner).expect(200);

        assertEquals("ACTIVE", post("modules/" + MODULE + "/enable", "").expect(200).json().get("state").asText());
        JsonNode again = get("handsets/" + imei).expect(200).json();
        assertEquals("SOLD", again.get("status").asText());
        assertEquals(owner, again.get("ownerContactId").asLong());
        assertEquals(List.of("REGISTERED", "SOLD"), historyTypes(imei));
        assertTrue(get("warranty?imei=" + imei).json().get("inWarranty").asBoolean());
        assertEquals(1, get("contacts/" + owner + "/handsets").expect(200).json().get("total").asLong());
    }
}
