package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The channel finance module over real HTTP (the suite's client, as each user): an order over the credit limit refused with 409 naming the
 * limit, exposure and shortfall and nothing written, the override with a reason, partial shipment to invoice to payment
 * to statement (JSON, CSV, printable page), a rebate run repeated with the same answer, a partner's user seeing only its
 * own and 404 for another partner's, disable and enable with the data kept, and many clients racing for one partner's
 * last credit (the total let through never exceeds the limit; the ledger balances).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ChannelFinanceIT extends CrmTestSupport {
    private static final String MODULE = "channel-finance";
    private static final String PASSWORD = "Channel-pass-1";

    /** Calls as one user (the probe runs inside the container, where only the suite's own HTTP helpers are). */
    private record Client(String user, String password) {
        Reply get(String path) {
            return call("GET", path, user, password, null, null);
        }

        Reply post(String path, String json) {
            return call("POST", path, user, password, json == null ? null : "application/json", json);
        }

        Reply put(String path, String json) {
            return call("PUT", path, user, password, "application/json", json);
        }

        long createAccount(String name, String type, Long parent) {
            ObjectNode a = obj().put("name", name).put("type", type);
            if (parent != null) {
                a.put("parentId", parent);
            }
            return json(post("accounts", write(a)).expect(201)).get("id").asLong();
        }

        Client createUser(String username, String pw, String role, String scopeType, Long accountId) {
            ObjectNode u = obj().put("username", username).put("password", pw).put("scopeType", scopeType);
            if (accountId != null) {
                u.put("accountId", accountId);
            }
            u.set("roles", JSON.createArrayNode().add(role));
            post("users", write(u)).expect(201);
            return new Client(username, pw);
        }
    }

    private static Client admin;
    private static Client partnerA;
    private static long hq;
    private static long a;
    private static long b;
    private static String product;

    private static String tag() {
        return Long.toString(System.nanoTime() % 100_000_000, 36).toUpperCase();
    }

    private static JsonNode json(Reply r) {
        return r.json();
    }

    private static long id(Reply r) {
        return r.json().get("id").asLong();
    }

    private static BigDecimal dec(JsonNode n) {
        return new BigDecimal(n.asText());
    }

    private static String order(long account, String code, int quantity, String overrideReason) {
        ObjectNode o = obj().put("accountId", account);
        ArrayNode lines = o.putArray("lines");
        lines.addObject().put("productCode", code).put("quantity", quantity);
        if (overrideReason != null) {
            o.put("overrideReason", overrideReason);
        }
        return write(o);
    }

    private static long partner(String name, long parent, String limit) {
        long id = admin.createAccount(name, "PROVINCIAL_DISTRIBUTOR", parent);
        admin.post("channel/partners", write(obj().put("accountId", id).put("creditLimit", limit).put("term", "MONTHLY"))).expect(201);
        return id;
    }

    @Before
    public void module() throws Exception {
        if (!"ACTIVE".equals(get("modules/" + MODULE).expect(200).json().get("state").asText())) {
            assertEquals("ACTIVE", post("modules/" + MODULE + "/enable", "").expect(200).json().get("state").asText());
        }
        if (admin != null) {
            return;
        }
        admin = new Client(ADMIN, ADMIN_PASSWORD);
        String t = tag();
        hq = admin.createAccount("渠道总部 " + t, "OPERATOR", null);
        a = partner("甲代理 " + t, hq, "10000");
        b = partner("乙代理 " + t, hq, "10000");
        product = "CF-" + t;
        admin.post("channel/products", write(obj().put("code", product).put("name", "手机 " + t))).expect(201);
        admin.put("channel/price-lists", write(obj().put("grade", "STANDARD").put("productCode", product).put("price", "1000.00"))).expect(200);
        partnerA = admin.createUser("cf-a-" + t.toLowerCase(), PASSWORD, "partner", "PARTNER", a);
    }

    @Test
    public void anOrderOverTheLimitIsRefusedWithNothingWrittenAndAnOverrideNeedsAReason() {
        long p = partner("超限代理 " + tag(), hq, "5000");
        long before = json(admin.get("channel/orders?accountId=" + p)).get("total").asLong();
        Reply refused = admin.post("channel/orders", order(p, product, 6, null)).expect(409);
        JsonNode e = json(refused);
        assertEquals("credit_limit", e.get("error").asText());
        assertEquals("channel.credit.overLimit", e.get("messageKey").asText());
        assertEquals(0, new BigDecimal("5000.00").compareTo(dec(e.get("limit"))));
        assertEquals(0, new BigDecimal("6000.00").compareTo(dec(e.get("exposure"))));
        assertEquals(0, new BigDecimal("1000.00").compareTo(dec(e.get("shortfall"))));
        assertEquals(before, json(admin.get("channel/orders?accountId=" + p)).get("total").asLong());
        // a partner's own user may not override; HQ does with a reason, which is recorded
        Client own = admin.createUser("cf-o-" + tag().toLowerCase(), PASSWORD, "partner", "PARTNER", p);
        own.post("channel/orders", order(p, product, 6, "急需")).expect(403);
        JsonNode ok = json(admin.post("channel/orders", order(p, product, 6, "年底冲量，销售总监批准")).expect(201));
        assertEquals("年底冲量，销售总监批准", ok.get("overrideReason").asText());
        JsonNode audit = json(admin.get("audit/channel.order/" + ok.get("id").asLong()).expect(200));
        assertTrue(audit.toString(), audit.toString().contains("年底冲量"));
        JsonNode timeline = json(admin.get("accounts/" + p + "/timeline").expect(200));
        assertTrue(timeline.toString(), timeline.toString().contains(ok.get("number").asText()));
        // approval checks again: still over, so it needs the override again
        assertEquals("credit_limit", json(admin.post("channel/orders/" + ok.get("id").asLong() + "/approve", "{}").expect(409)).get("error").asText());
        admin.post("channel/orders/" + ok.get("id").asLong() + "/approve", write(obj().put("reason", "已确认"))).expect(200);
    }

    @Test
    public void partialShipmentInvoicePaymentAndStatement() {
        long p = partner("对账代理 " + tag(), hq, "100000");
        JsonNode o = json(admin.post("channel/orders", order(p, product, 5, null)).expect(201));
        long id = o.get("id").asLong();
        admin.post("channel/orders/" + id + "/approve", "{}").expect(200);
        long line = o.get("lines").get(0).get("id").asLong();
        ObjectNode ship = obj();
        ship.putArray("lines").addObject().put("orderLineId", line).put("quantity", 2);
        JsonNode s1 = json(admin.post("channel/orders/" + id + "/shipments", write(ship)).expect(201));
        assertEquals(0, new BigDecimal("2000.00").compareTo(dec(s1.get("amount"))));
        assertEquals("PARTIALLY_SHIPPED", json(admin.get("channel/orders/" + id)).get("status").asText());
        JsonNode s2 = json(admin.post("channel/orders/" + id + "/shipments", "{}").expect(201));
        assertEquals(0, new BigDecimal("3000.00").compareTo(dec(s2.get("amount"))));
        JsonNode pay = json(admin.post("channel/payments", write(obj().put("accountId", p).put("method", "BANK_TRANSFER").put("amount", "2500.00"))).expect(201));
        assertEquals(s1.get("invoiceId").asLong(), pay.get("allocations").get(0).get("invoiceId").asLong());
        assertEquals(0, new BigDecimal("500.00").compareTo(dec(pay.get("allocations").get(1).get("amount"))));
        JsonNode credit = json(admin.get("channel/partners/" + p + "/credit"));
        assertEquals(0, new BigDecimal("2500.00").compareTo(dec(credit.get("receivables"))));
        LocalDate today = LocalDate.now(BUSINESS_ZONE);
        String period = "from=" + today.withDayOfMonth(1) + "&to=" + today;
        JsonNode st = json(admin.get("channel/partners/" + p + "/statement?" + period).expect(200));
        assertEquals(0, BigDecimal.ZERO.compareTo(dec(st.get("opening"))));
        assertEquals(0, new BigDecimal("5000.00").compareTo(dec(st.get("invoices"))));
        assertEquals(0, new BigDecimal("2500.00").compareTo(dec(st.get("payments"))));
        assertEquals(0, new BigDecimal("2500.00").compareTo(dec(st.get("closing"))));
        assertEquals(3, st.get("entries").size());
        String csv = admin.get("channel/partners/" + p + "/statement.csv?" + period).expect(200).body();
        assertTrue(csv, csv.contains("CLOSING") && csv.contains("2500.00"));
        String html = admin.get("channel/partners/" + p + "/statement.html?" + period).expect(200).body();
        assertTrue(html.contains("对账单") && html.contains(s2.get("invoiceNumber").asText()));
        admin.get("channel/partners/" + p + "/statement?from=" + today + "&to=nope").expect(400);
    }

    @Test
    public void aRebateRunRepeatedGivesTheSameResult() {
        long p = partner("返利代理 " + tag(), hq, "100000");
        long id = json(admin.post("channel/orders", order(p, product, 7, null)).expect(201)).get("id").asLong();
        admin.post("channel/orders/" + id + "/approve", "{}").expect(200);
        admin.post("channel/orders/" + id + "/shipments", "{}").expect(201);
        String code = "R-" + tag();
        long prog = json(admin.post("channel/rebate-programmes", write(obj().put("code", code).put("name", "月度返利").put("period", "MONTHLY").put("mode", "WHOLE")
                .put("tiers", "0:1;5000:2.5").put("target", "7000").put("bonus", "100"))).expect(201)).get("id").asLong();
        String run = write(obj().put("programmeId", prog).put("periodStart", LocalDate.now(BUSINESS_ZONE).withDayOfMonth(1).toString()));
        JsonNode first = json(admin.post("channel/rebate-runs", run).expect(200));
        JsonNode again = json(admin.post("channel/rebate-runs", run).expect(200));
        assertEquals(first.get("id").asLong(), again.get("id").asLong());
        assertEquals(first.get("total").asText(), again.get("total").asText());
        assertEquals(first.get("results").toString(), again.get("results").toString());
        JsonNode mine = null;
        for (JsonNode r : again.get("results")) {
            if (r.get("accountId").asLong() == p) {
                mine = r;
            }
        }
        // 7,000 at 2.5 % = 175, target met: +100
        assertEquals(0, new BigDecimal("275.00").compareTo(dec(mine.get("total"))));
        // the period is still open: the run is a preview, not approved
        assertEquals("period_open", json(admin.post("channel/rebate-runs/" + first.get("id").asLong() + "/approve", "{}").expect(409)).get("error").asText());
    }

    @Test
    public void aPartnersUserSeesOnlyItsOwnAndNotFoundForAnotherPartner() {
        long ownOrder = json(partnerA.post("channel/orders", order(a, product, 1, null)).expect(201)).get("id").asLong();
        long otherOrder = json(admin.post("channel/orders", order(b, product, 1, null)).expect(201)).get("id").asLong();
        JsonNode list = json(partnerA.get("channel/orders").expect(200));
        for (JsonNode o : list.get("items")) {
            assertEquals(a, o.get("accountId").asLong());
        }
        assertEquals(list.get("items").size(), list.get("total").asInt());
        partnerA.get("channel/orders/" + ownOrder).expect(200);
        partnerA.get("channel/orders/" + otherOrder).expect(404);
        partnerA.get("channel/partners/" + b).expect(404);
        partnerA.get("channel/partners/" + b + "/statement?from=2024-01-01&to=2024-12-31").expect(404);
        partnerA.get("channel/partners/" + b + "/statement.csv?from=2024-01-01&to=2024-12-31").expect(404);
        partnerA.post("channel/orders", order(b, product, 1, null)).expect(404);
        partnerA.get("channel/partners/" + a + "/statement?from=2024-01-01&to=2099-12-31").expect(200);
        assertEquals(1, json(partnerA.get("channel/partners").expect(200)).get("total").asInt());
        partnerA.post("channel/orders/" + ownOrder + "/approve", "{}").expect(403);
        partnerA.post("channel/payments", write(obj().put("accountId", a).put("method", "CASH").put("amount", "1"))).expect(403);
    }

    /**
     * A partner's user sees the rebate runs that hold a result of its own, only that result, and as the run's total and
     * partner count only its own (other partners' rebates and the programme's spend are HQ's business); a run without
     * its result is 404, as another partner's records are. The price lists show only its own grade's prices.
     */
    @Test
    public void aPartnersUserSeesOnlyItsOwnRebatesAndItsOwnGradesPrices() {
        admin.put("channel/price-lists", write(obj().put("grade", "GOLD").put("productCode", product).put("price", "900.00"))).expect(200);
        for (long p : new long[] { a, b }) {
            long id = json(admin.post("channel/orders", order(p, product, 2, null)).expect(201)).get("id").asLong();
            admin.post("channel/orders/" + id + "/approve", "{}").expect(200);
            admin.post("channel/orders/" + id + "/shipments", "{}").expect(201);
        }
        String start = LocalDate.now(BUSINESS_ZONE).withDayOfMonth(1).toString();
        long prog = json(admin.post("channel/rebate-programmes", write(obj().put("code", "S-" + tag()).put("name", "范围返利").put("period", "MONTHLY")
                .put("mode", "WHOLE").put("tiers", "0:1"))).expect(201)).get("id").asLong();
        JsonNode all = json(admin.post("channel/rebate-runs", write(obj().put("programmeId", prog).put("periodStart", start))).expect(200));
        long run = all.get("id").asLong();
        BigDecimal ownTotal = null;
        for (JsonNode r : all.get("results")) {
            if (r.get("accountId").asLong() == a) {
                ownTotal = dec(r.get("total"));
            }
        }
        assertTrue(all.toString(), ownTotal != null && all.get("partners").asInt() >= 2 && dec(all.get("total")).compareTo(ownTotal) > 0);
        JsonNode seen = json(partnerA.get("channel/rebate-runs/" + run).expect(200));
        assertEquals(1, seen.get("results").size());
        assertEquals(a, seen.get("results").get(0).get("accountId").asLong());
        assertEquals(0, ownTotal.compareTo(dec(seen.get("total"))));
        assertEquals(1, seen.get("partners").asInt());
        boolean listed = false;
        JsonNode runs = json(partnerA.get("channel/rebate-runs?limit=200").expect(200));
        for (JsonNode r : runs.get("items")) {
            if (r.get("id").asLong() == run) {
                listed = true;
                assertEquals(0, ownTotal.compareTo(dec(r.get("total"))));
                assertEquals(1, r.get("partners").asInt());
            }
        }
        assertTrue(runs.toString(), listed);
        // a programme of a grade nobody holds here: its run has no result of partner A's
        long gold = json(admin.post("channel/rebate-programmes", write(obj().put("code", "G-" + tag()).put("name", "钻石返利").put("period", "MONTHLY")
                .put("grade", "DIAMOND").put("mode", "WHOLE").put("tiers", "0:1"))).expect(201)).get("id").asLong();
        long other = json(admin.post("channel/rebate-runs", write(obj().put("programmeId", gold).put("periodStart", start))).expect(200)).get("id").asLong();
        admin.get("channel/rebate-runs/" + other).expect(200);
        partnerA.get("channel/rebate-runs/" + other).expect(404);
        for (JsonNode r : json(partnerA.get("channel/rebate-runs?limit=200").expect(200)).get("items")) {
            assertTrue("run " + other + " is not partner A's", r.get("id").asLong() != other);
        }
        // prices: HQ sees every grade, partner A (STANDARD) only its own
        assertTrue(json(admin.get("channel/price-lists?grade=GOLD").expect(200)).size() > 0);
        JsonNode prices = json(partnerA.get("channel/price-lists").expect(200));
        assertTrue(prices.toString(), prices.size() > 0);
        for (JsonNode p : prices) {
            assertEquals("STANDARD", p.get("grade").asText());
        }
        assertEquals(0, json(partnerA.get("channel/price-lists?grade=GOLD").expect(200)).size());
    }

    private static boolean lists(JsonNode products, String code, String source) {
        for (JsonNode p : products.get("items")) {
            if (p.get("code").asText().equals(code) && p.get("source").asText().equals(source)) {
                return true;
            }
        }
        return false;
    }

    /**
     * With the handset registry enabled its models are products (through the bridge bundle the feature installs while
     * both modules are): a price list line and a sell-in order for a model, shipped by IMEIs the registry knows in stock.
     * Disabling the registry takes the models out of the catalogue and leaves the order and the price as they were.
     */
    @Test
    public void withTheHandsetRegistryItsModelsArePricedOrderedAndShippedAndDisablingItKeepsTheOrders() {
        String handsets = "handset-registry";
        boolean wasActive = "ACTIVE".equals(get("modules/" + handsets).expect(200).json().get("state").asText());
        if (!wasActive) {
            assertEquals("ACTIVE", post("modules/" + handsets + "/enable", "").expect(200).json().get("state").asText());
        }
        try {
            String model = "CFH-" + tag();
            post("handset-models", obj().put("code", model).put("name", "华星 " + model).put("licenceNumber", "02-C045-192736").put("launchDate", "2020-01-01"))
                    .expect(201);
            await("the registry's model among the channel's products", () -> json(admin.get("channel/products?q=" + model).expect(200)),
                    products -> lists(products, model, "HANDSETS"));
            JsonNode price = json(admin.put("channel/price-lists", write(obj().put("grade", "STANDARD").put("productCode", model.toLowerCase()).put("price", "1299.00")))
                    .expect(200));
            assertEquals(model, price.get("productCode").asText());
            assertEquals("华星 " + model, price.get("productName").asText());

            long p = partner("手机代理 " + tag(), hq, "100000");
            JsonNode o = json(admin.post("channel/orders", order(p, model, 2, null)).expect(201));
            long id = o.get("id").asLong();
            JsonNode line = o.get("lines").get(0);
            assertEquals(model, line.get("productCode").asText());
            assertEquals(0, new BigDecimal("2598.00").compareTo(dec(o.get("total"))));
            admin.post("channel/orders/" + id + "/approve", "{}").expect(200);
            String imei1 = HandsetRegistryIT.newImei();
            String imei2 = HandsetRegistryIT.newImei();
            for (String imei : List.of(imei1, imei2)) {
                post("handsets", obj().put("imei", imei).put("serialNumber", "CF" + imei).put("modelCode", model).put("batch", "B-CF")).expect(201);
            }
            ObjectNode unknown = obj();
            unknown.putArray("lines").addObject().put("orderLineId", line.get("id").asLong()).put("quantity", 2).putArray("serials").add(imei1)
                    .add(HandsetRegistryIT.newImei());
            String stranger = unknown.get("lines").get(0).get("serials").get(1).asText();
            JsonNode refused = json(admin.post("channel/orders/" + id + "/shipments", write(unknown)).expect(400));
            assertEquals("serials", refused.get("field").asText());
            assertTrue(refused.toString(), refused.get("message").asText().contains(stranger));
            assertTrue(refused.toString(), refused.get("message").asText().contains("华星 " + model)); // the model by its name, not its code
            assertTrue("the refused shipment recorded nothing", json(admin.get("handsets/" + imei1).expect(200)).get("channelAccountId").isNull());
            assertEquals("APPROVED", json(admin.get("channel/orders/" + id)).get("status").asText());
            ObjectNode ship = obj();
            ship.putArray("lines").addObject().put("orderLineId", line.get("id").asLong()).put("quantity", 2).putArray("serials").add(imei1).add(imei2);
            admin.post("channel/orders/" + id + "/shipments", write(ship)).expect(201);
            // the registry shows the partner holding the shipped units (registry API 1.3, through the bridge, in the shipment's transaction)
            for (String imei : List.of(imei1, imei2)) {
                assertEquals(p, json(admin.get("handsets/" + imei).expect(200)).get("channelAccountId").asLong());
            }

            assertEquals("AVAILABLE", post("modules/" + handsets + "/disable", "").expect(200).json().get("state").asText());
            await("the models gone from the channel's products", () -> json(admin.get("channel/products?q=" + model).expect(200)),
                    products -> !lists(products, model, "HANDSETS"));
            JsonNode after = json(admin.get("channel/orders/" + id).expect(200));
            assertEquals("SHIPPED", after.get("status").asText());
            assertEquals(model, after.get("lines").get(0).get("productCode").asText());
            assertEquals("华星 " + model, after.get("lines").get(0).get("productName").asText());
            assertEquals(2, after.get("lines").get(0).get("shippedQuantity").asInt());
            boolean priced = false;
            for (JsonNode x : json(admin.get("channel/price-lists?grade=STANDARD").expect(200))) {
                priced |= x.get("productCode").asText().equals(model);
            }
            assertTrue("the price list line is kept", priced);
        } finally {
            if (wasActive && !"ACTIVE".equals(get("modules/" + handsets).expect(200).json().get("state").asText())) {
                assertEquals("ACTIVE", post("modules/" + handsets + "/enable", "").expect(200).json().get("state").asText());
            }
        }
    }

    @Test
    public void disablingAndEnablingKeepsTheData() {
        long before = json(admin.get("channel/orders?accountId=" + a)).get("total").asLong();
        assertTrue(before >= 0);
        assertEquals("AVAILABLE", post("modules/" + MODULE + "/disable", "").expect(200).json().get("state").asText());
        admin.get("channel/orders").expect(404);
        assertEquals("ACTIVE", post("modules/" + MODULE + "/enable", "").expect(200).json().get("state").asText());
        assertEquals(before, json(admin.get("channel/orders?accountId=" + a).expect(200)).get("total").asLong());
        assertEquals(a, json(admin.get("channel/partners/" + a).expect(200)).get("accountId").asLong());
    }

    @Test
    public void clientsRacingForTheLastCreditNeverExceedTheLimitAndTheLedgerBalances() throws Exception {
        long p = partner("并发代理 " + tag(), hq, "10000");
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return admin.post("channel/orders", order(p, product, 3, null));
                }));
            }
            start.countDown();
            List<Long> passed = new ArrayList<>();
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                assertTrue(r.body(), r.status() == 201 || r.status() == 409);
                if (r.status() == 201) {
                    passed.add(id(r));
                }
            }
            assertEquals("3,000 each against 10,000", 3, passed.size());
            // approve, ship and pay them at the same time too
            List<Future<Reply>> shipped = new ArrayList<>();
            for (long id : passed) {
                shipped.add(pool.submit(() -> {
                    admin.post("channel/orders/" + id + "/approve", "{}").expect(200);
                    return admin.post("channel/orders/" + id + "/shipments", "{}");
                }));
            }
            for (Future<Reply> f : shipped) {
                f.get().expect(201);
            }
            List<Future<Reply>> paid = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                paid.add(pool.submit(() -> admin.post("channel/payments", write(obj().put("accountId", p).put("method", "BANK_TRANSFER").put("amount", "1234.56")))));
            }
            for (Future<Reply> f : paid) {
                f.get().expect(201);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode credit = json(admin.get("channel/partners/" + p + "/credit"));
        assertFalse(dec(credit.get("exposure")).compareTo(new BigDecimal("10000")) > 0);
        // 9,000 invoiced, 6,172.80 paid
        assertEquals(0, new BigDecimal("2827.20").compareTo(dec(credit.get("receivables"))));
        BigDecimal open = BigDecimal.ZERO;
        for (JsonNode i : json(admin.get("channel/invoices?accountId=" + p)).get("items")) {
            open = open.add(dec(i.get("open")));
        }
        assertEquals(0, new BigDecimal("2827.20").compareTo(open));
        JsonNode ledger = json(admin.get("channel/partners/" + p + "/ledger?limit=50"));
        JsonNode last = ledger.get("items").get(ledger.get("items").size() - 1);
        assertEquals(0, new BigDecimal("2827.20").compareTo(dec(last.get("balance"))));
        assertEquals(8, ledger.get("total").asInt());
    }
}
