package org.opencrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The repair and parts module over real HTTP, with the handset registry enabled (warranty from the registry, the unit
 * IN_REPAIR and back to SOLD) and disabled at runtime (the clerk states the warranty; everything else still works);
 * refusals (400 naming the field, 403, 404, 409) that change nothing; a service centre's data scope; eight HQ
 * approvers racing for the last unit of a part.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class RepairPartsIT extends CrmTestSupport {
    private static final String MODULE = "repair-parts";
    private static final String HANDSETS = "handset-registry";
    private static final String PASSWORD = "Repair-pass-1";
    /** The registry bridge of the repair bundle: present exactly while the handset registry's services are. */
    private static final String DEVICES = "(objectClass=org.opencrm.module.repair.spi.DeviceRegistry)";
    private static final String ENDPOINTS = "(component.name=org.opencrm.module.repair.internal.rest.RepairAnalyticsEndpoint)";

    private static long hq;
    private static long centreA;
    private static long centreB;
    private static long hqWarehouse;
    private static long customer;
    private static String clerkA;
    private static String clerkB;
    private static String approver;

    private static String tag() {
        return Long.toString(System.nanoTime() % 100_000_000, 36).toUpperCase();
    }

    private static Reply as(String user, String method, String path, Object body) {
        return call(method, path, user, PASSWORD, body == null ? null : "application/json", body == null ? null : write(body));
    }

    private static void assertError(Reply r, int status, String field) {
        r.expect(status);
        JsonNode e = r.json();
        assertFalse("a message: " + r.body(), e.get("message").asText().isBlank());
        if (field != null) {
            assertEquals(r.body(), field, e.get("field").asText());
        }
    }

    private static String state(String module) {
        return get("modules/" + module).expect(200).json().get("state").asText();
    }

    /** Blocks until a service matching the filter is registered (or, {@code present} false, until none is). */
    private void awaitService(String filter, boolean present) throws InvalidSyntaxException, InterruptedException {
        Filter f = FrameworkUtil.createFilter(filter);
        Object changed = new Object();
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(bundleContext, f, null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                synchronized (changed) {
                    changed.notifyAll();
                }
                return reference;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                synchronized (changed) {
                    changed.notifyAll();
                }
            }
        };
        tracker.open(true);
        try {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            synchronized (changed) {
                while ((tracker.size() > 0) != present) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        fail("service " + filter + (present ? " did not appear" : " did not go away"));
                    }
                    changed.wait(left);
                }
            }
        } finally {
            tracker.close();
        }
    }

    private void enable(String module) throws Exception {
        if (!"ACTIVE".equals(state(module))) {
            assertEquals("ACTIVE", post("modules/" + module + "/enable", "").expect(200).json().get("state").asText());
        }
    }

    @Before
    public void module() throws Exception {
        enable(MODULE);
        awaitService(ENDPOINTS, true);
        if (hq != 0) {
            return;
        }
        String t = tag();
        hq = createAccount("总部 " + t, "OPERATOR", null);
        centreA = createAccount("服务中心A " + t, "SERVICE_PROVIDER", hq);
        centreB = createAccount("服务中心B " + t, "SERVICE_PROVIDER", hq);
        customer = createContact("维修客户 " + t, newMobile(), null);
        hqWarehouse = post("stock/warehouses", obj().put("code", "HQ-" + t).put("name", "总部库 " + t).put("kind", "HQ").put("accountId", hq))
                .expect(201).json().get("id").asLong();
        clerkA = "sc-a-" + t.toLowerCase();
        clerkB = "sc-b-" + t.toLowerCase();
        approver = "hq-ap-" + t.toLowerCase();
        post("users", obj().put("username", clerkA).put("password", PASSWORD).put("scopeType", "PARTNER").put("accountId", centreA)
                .set("roles", JSON.createArrayNode().add("service"))).expect(201);
        post("users", obj().put("username", clerkB).put("password", PASSWORD).put("scopeType", "PARTNER").put("accountId", centreB)
                .set("roles", JSON.createArrayNode().add("service"))).expect(201);
        post("users", obj().put("username", approver).put("password", PASSWORD).set("roles", JSON.createArrayNode().add("service-hq"))).expect(201);
    }

    private static String part(String models) {
        String number = "P-" + tag();
        ObjectNode p = obj().put("partNumber", number).put("name", "部件 " + number).put("cost", new BigDecimal("12.30")).put("price", new BigDecimal("45.60"));
        p.set("models", JSON.createArrayNode().add(models));
        post("parts", p).expect(201);
        return number;
    }

    private static long centreWarehouse(long centre) {
        return get("stock/centres/" + centre).expect(200).json().get("id").asLong();
    }

    private static JsonNode receive(String user, long centre, String imei, Boolean inWarranty) {
        ObjectNode o = obj().put("contactId", customer).put("centreAccountId", centre).put("imei", imei).put("symptom", "不开机");
        if (inWarranty != null) {
            o.put("inWarranty", inWarranty);
        }
        return as(user, "POST", "repair-orders", o).expect(201).json();
    }

    private static JsonNode move(String user, long order, String status) {
        return as(user, "POST", "repair-orders/" + order + "/status", obj().put("status", status)).expect(200).json();
    }

    private static JsonNode diagnose(String user, long order, String partNumber) {
        ObjectNode d = obj().put("faultCode", "F01").put("cause", "主板短路");
        if (partNumber != null) {
            d.put("faultyPartNumber", partNumber);
        }
        return as(user, "POST", "repair-orders/" + order + "/diagnosis", d).expect(200).json();
    }

    @Test
    public void withTheHandsetRegistryTheWarrantyComesFromItAndTheUnitGoesInRepairAndBack() throws Exception {
        enable(HANDSETS);
        awaitService(DEVICES, true);
        String model = "RP-" + tag();
        post("handset-models", obj().put("code", model).put("name", "华星 " + model).put("licenceNumber", "02-C045-192736").put("launchDate", "2020-01-01"))
                .expect(201);
        String imei = HandsetRegistryIT.newImei();
        post("handsets", obj().put("imei", imei).put("serialNumber", "RP" + imei).put("modelCode", model).put("batch", "B-RP")).expect(201);
        long store = createAccount("门店 " + tag(), "STORE", null);
        post("handsets/" + imei + "/sale", obj().put("contactId", customer).put("storeAccountId", store).put("invoiceNumber", "FP" + tag())
                .put("saleDate", businessToday().minusDays(30).toString()).put("channel", "STORE_CLERK")).expect(201);
        assertTrue(get("repair-orders/registry").expect(200).json().get("present").asBoolean());

        JsonNode o = receive(clerkA, centreA, imei, false); // the registry decides, whatever the clerk says
        long id = o.get("id").asLong();
        assertTrue(o.get("inWarranty").asBoolean());
        assertEquals("REGISTRY", o.get("warrantySource").asText());
        assertEquals(model.toUpperCase(), o.get("modelCode").asText().toUpperCase());
        assertEquals("IN_REPAIR", get("handsets/" + imei).expect(200).json().get("status").asText());
        assertError(as(clerkA, "POST", "repair-orders", obj().put("contactId", customer).put("centreAccountId", centreA).put("imei", imei)
                .put("symptom", "again")), 409, "imei");

        diagnose(clerkA, id, null);
        for (String s : List.of("REPAIRING", "QUALITY_CHECK", "READY")) {
            move(clerkA, id, s);
        }
        assertEquals("IN_REPAIR", get("handsets/" + imei).json().get("status").asText());
        JsonNode returned = move(clerkA, id, "RETURNED");
        assertEquals(6, returned.get("steps").size()); // received, diagnosed, repairing, quality check, ready, returned
        assertEquals("SOLD", get("handsets/" + imei).json().get("status").asText());
        List<String> types = new ArrayList<>();
        get("contacts/" + customer + "/timeline?limit=100").expect(200).json().get("items").forEach(e -> types.add(e.get("type").asText()));
        assertTrue(types.toString(), types.containsAll(List.of("REPAIR_RECEIVED", "REPAIR_DIAGNOSED", "REPAIR_READY", "REPAIR_RETURNED")));
        assertTrue(get("contacts/" + customer + "/repairs").expect(200).json().get("total").asLong() >= 1);
        JsonNode report = get("repair-analytics").expect(200).json();
        assertTrue(report.get("registryPresent").asBoolean());
        JsonNode rate = null;
        for (JsonNode r : report.get("repairRates")) {
            if (r.get("modelCode").asText().equalsIgnoreCase(model)) {
                rate = r;
            }
        }
        assertNotNull(report.toString(), rate);
        assertEquals(1, rate.get("unitsSold").asLong());
        assertEquals(0, BigDecimal.ONE.compareTo(rate.get("rate").decimalValue()));
    }

    @Test
    public void withoutTheRegistryTheClerkStatesTheWarrantyAndTheRestWorks() throws Exception {
        enable(HANDSETS);
        assertEquals("AVAILABLE", post("modules/" + HANDSETS + "/disable", "").expect(200).json().get("state").asText());
        try {
            awaitService(DEVICES, false);
            assertEquals("ACTIVE", state(MODULE));
            assertFalse(get("repair-orders/registry").expect(200).json().get("present").asBoolean());
            String imei = HandsetRegistryIT.newImei();
            assertError(as(clerkA, "POST", "repair-orders", obj().put("contactId", customer).put("centreAccountId", centreA).put("imei", imei)
                    .put("symptom", "屏幕碎")), 400, "inWarranty");
            JsonNode o = receive(clerkA, centreA, imei, false);
            long id = o.get("id").asLong();
            assertEquals("CLERK", o.get("warrantySource").asText());
            diagnose(clerkA, id, null);
            assertEquals("quote_required", as(clerkA, "POST", "repair-orders/" + id + "/status", obj().put("status", "REPAIRING")).expect(409).json()
                    .get("error").asText());
            assertError(as(clerkA, "POST", "repair-orders/" + id + "/quote", obj().put("parts", new BigDecimal("1.234")).put("labour", 10)), 400, "parts");
            JsonNode quoted = as(clerkA, "POST", "repair-orders/" + id + "/quote", obj().put("parts", new BigDecimal("199.00")).put("labour",
                    new BigDecimal("50.50"))).expect(200).json();
            assertEquals(0, new BigDecimal("249.50").compareTo(quoted.get("quote").get("total").decimalValue()));
            as(clerkA, "POST", "repair-orders/" + id + "/quote/decision", obj().put("accepted", true)).expect(200);
            assertEquals("REPAIRING", move(clerkA, id, "REPAIRING").get("status").asText());
            assertFalse(get("repair-analytics").expect(200).json().get("registryPresent").asBoolean());
            String csv = call("GET", "repair-analytics/csv?kind=faults", ADMIN, ADMIN_PASSWORD, null, null).expect(200).body();
            assertTrue(csv, csv.startsWith("from,to,model,faultCode,partNumber,repairs"));
        } finally {
            enable(HANDSETS);
        }
        awaitService(DEVICES, true); // the registry comes back into use without a restart
    }

    @Test
    public void faultCodesAndRegionsHaveANamePerLanguage() {
        JsonNode f01 = null;
        for (JsonNode c : get("repair-orders/fault-codes").expect(200).json().get("items")) {
            f01 = "F01".equals(c.get("code").asText()) ? c : f01;
        }
        assertNotNull("the seeded catalogue has F01", f01);
        assertEquals("No power / does not boot", f01.get("description").asText());
        assertEquals("不开机/无法启动", f01.get("descriptionZh").asText());
        String code = "T" + tag().replaceAll("[^0-9A-Za-z]", "").toUpperCase(java.util.Locale.ROOT);
        code = code.substring(0, Math.min(16, code.length()));
        JsonNode saved = put("repair-orders/fault-codes", obj().put("code", code).put("description", "Speaker rattles").put("descriptionZh", "扬声器杂音"))
                .expect(200).json();
        assertEquals("扬声器杂音", saved.get("descriptionZh").asText());
        JsonNode south = null;
        for (JsonNode r : get("regions").expect(200).json().get("items")) {
            south = "SOUTH".equals(r.get("code").asText()) ? r : south;
        }
        assertNotNull("the shipped regions have SOUTH", south);
        assertEquals("华南", south.get("nameZh").asText());
        assertEquals("South China", south.get("nameEn").asText());
    }

    @Test
    public void refusalsAreClearAndChangeNothing() {
        JsonNode o = receive(clerkA, centreA, HandsetRegistryIT.newImei(), true);
        long id = o.get("id").asLong();
        // an illegal step: 409 naming the status, the order untouched
        JsonNode illegal = as(clerkA, "POST", "repair-orders/" + id + "/status", obj().put("status", "READY")).expect(409).json();
        assertEquals("invalid_transition", illegal.get("error").asText());
        assertEquals("status", illegal.get("field").asText());
        JsonNode after = get("repair-orders/" + id).expect(200).json();
        assertEquals("RECEIVED", after.get("status").asText());
        assertEquals(1, after.get("steps").size());
        assertEquals(o.get("version").asLong(), after.get("version").asLong());
        assertError(as(clerkA, "POST", "repair-orders/" + id + "/status", obj().put("status", "FIXED")), 400, "status");
        assertError(as(clerkA, "POST", "repair-orders", obj().put("contactId", customer).put("centreAccountId", centreA).put("imei", "123")
                .put("symptom", "x").put("inWarranty", true)), 400, "imei");
        assertError(as(clerkA, "POST", "repair-orders", obj().put("contactId", customer).put("centreAccountId", centreA).put("imei", HandsetRegistryIT.newImei())
                .put("inWarranty", true)), 400, "symptom");
        assertError(as(clerkA, "POST", "repair-orders/" + id + "/diagnosis", obj().put("faultCode", "NOPE")), 400, "faultCode");
        assertError(get("repair-orders/999999999"), 404, null);
        assertError(as(clerkA, "POST", "stock/receipts", obj().put("warehouseId", centreWarehouse(centreA)).put("partNumber", part("X")).put("quantity",
                1)), 403, null);

        // over-issue: 409 with nothing written
        String p = part("NOVA");
        long warehouse = centreWarehouse(centreA);
        post("stock/receipts", obj().put("warehouseId", warehouse).put("partNumber", p).put("quantity", 2)).expect(201);
        JsonNode over = post("stock/adjustments", obj().put("warehouseId", warehouse).put("partNumber", p).put("quantity", -3).put("note", "count"))
                .expect(409).json();
        assertEquals("insufficient_stock", over.get("error").asText());
        assertEquals(1, get("stock/warehouses/" + warehouse + "/movements?partNumber=" + p).expect(200).json().get("total").asLong());
        assertEquals(2, get("stock?warehouseId=" + warehouse + "&q=" + p).expect(200).json().get("items").get(0).get("quantity").asLong());

        // an in-warranty approval without HQ's permission: 403, still pending, nothing issued
        diagnose(clerkA, id, p);
        long r = as(clerkA, "POST", "repair-orders/" + id + "/replacements", obj().put("partNumber", p)).expect(201).json().get("id").asLong();
        assertError(as(clerkA, "POST", "repair-orders/replacements/" + r + "/approve", obj().put("removedSerial", "OLD-1")), 403, null);
        assertEquals("PENDING", get("repair-orders/replacements/" + r).json().get("status").asText());
        assertEquals(1, get("stock/warehouses/" + warehouse + "/movements?partNumber=" + p).json().get("total").asLong());
        assertError(as(approver, "POST", "repair-orders/replacements/" + r + "/approve", obj()), 400, "removedSerial");
        JsonNode approved = as(approver, "POST", "repair-orders/replacements/" + r + "/approve", obj().put("removedSerial", "OLD-1")).expect(200).json();
        assertEquals("APPROVED", approved.get("status").asText());
        assertEquals(1, get("stock?warehouseId=" + warehouse + "&q=" + p).json().get("items").get(0).get("quantity").asLong());

        // a parts order: partial shipment with a backorder, received at the centre
        post("stock/receipts", obj().put("warehouseId", hqWarehouse).put("partNumber", p).put("quantity", 3)).expect(201);
        ObjectNode po = obj().put("centreAccountId", centreA).put("supplierId", hqWarehouse);
        po.set("lines", JSON.createArrayNode().add(obj().put("partNumber", p).put("quantity", 5)));
        long order = as(clerkA, "POST", "parts-orders", po).expect(201).json().get("id").asLong();
        assertError(as(clerkA, "POST", "parts-orders/" + order + "/approve", null), 403, null);
        as(approver, "POST", "parts-orders/" + order + "/approve", null).expect(200);
        JsonNode shipped = as(approver, "POST", "parts-orders/" + order + "/ship", null).expect(200).json();
        assertEquals("PARTIALLY_SHIPPED", shipped.get("status").asText());
        assertEquals(2, shipped.get("lines").get(0).get("backorder").asLong());
        as(clerkA, "POST", "parts-orders/" + order + "/receive", null).expect(200);
        assertEquals(4, get("stock?warehouseId=" + warehouse + "&q=" + p).json().get("items").get(0).get("quantity").asLong());
    }

    /**
     * The device's condition at the counter decides with the warranty (a wet phone is repaired at the customer's cost,
     * whatever the clerk or the registry said), and the removed part's serial comes from the centre's part request, so
     * that HQ approves without typing it (staff UI, issue 17).
     */
    @Test
    public void theConditionAtTheCounterAndTheCentresRemovedSerialReachHq() {
        JsonNode wet = as(clerkA, "POST", "repair-orders", obj().put("contactId", customer).put("centreAccountId", centreA).put("imei", HandsetRegistryIT.newImei())
                .put("symptom", "进水后不开机").put("inWarranty", true).put("liquidDamage", true).put("accessories", "充电器")).expect(201).json();
        assertFalse(wet.get("inWarranty").asBoolean());
        assertEquals("CONDITION", wet.get("warrantySource").asText());
        assertTrue(wet.get("liquidDamage").asBoolean());
        assertEquals("充电器", wet.get("accessories").asText());

        JsonNode o = receive(clerkA, centreA, HandsetRegistryIT.newImei(), true);
        long id = o.get("id").asLong();
        assertFalse(o.get("physicalDamage").asBoolean());
        String p = part("NOVA");
        post("stock/receipts", obj().put("warehouseId", centreWarehouse(centreA)).put("partNumber", p).put("quantity", 1)).expect(201);
        diagnose(clerkA, id, p);
        long r = as(clerkA, "POST", "repair-orders/" + id + "/replacements", obj().put("partNumber", p).put("removedSerial", "OLD-C1")).expect(201).json()
                .get("id").asLong();
        assertEquals("OLD-C1", get("repair-orders/replacements/" + r).json().get("removedSerial").asText());
        JsonNode approved = as(approver, "POST", "repair-orders/replacements/" + r + "/approve", obj()).expect(200).json();
        assertEquals("APPROVED", approved.get("status").asText());
        assertEquals("OLD-C1", approved.get("removedSerial").asText());
    }

    @Test
    public void aServiceCentreSeesOnlyItsOwnOrdersAndStock() {
        JsonNode mineOrder = receive(clerkA, centreA, HandsetRegistryIT.newImei(), true);
        long mine = mineOrder.get("id").asLong();
        long theirs = receive(clerkB, centreB, HandsetRegistryIT.newImei(), true).get("id").asLong();
        // the printed intake receipt (接修单): a PDF with the order number inside for the centre's clerk, 404 for another centre's;
        // the pickup slip only once the device is ready
        String receipt = pdfText(download("repair-orders/" + mine + "/receipt.pdf?lang=zh_CN", clerkA, PASSWORD));
        assertTrue(receipt, receipt.contains(mineOrder.get("number").asText()) && receipt.contains("接修单"));
        assertEquals(404, download("repair-orders/" + theirs + "/receipt.pdf", clerkA, PASSWORD).status());
        assertEquals(409, download("repair-orders/" + mine + "/pickup.pdf", clerkA, PASSWORD).status());
        JsonNode list = as(clerkA, "GET", "repair-orders?limit=500", null).expect(200).json();
        boolean sawMine = false;
        for (JsonNode o : list.get("items")) {
            assertEquals(centreA, o.get("centreAccountId").asLong());
            sawMine |= o.get("id").asLong() == mine;
        }
        assertTrue(sawMine);
        assertError(as(clerkA, "GET", "repair-orders/" + theirs, null), 404, null);
        assertError(as(clerkA, "POST", "repair-orders/" + theirs + "/status", obj().put("status", "CANCELLED")), 404, null);
        assertEquals("RECEIVED", get("repair-orders/" + theirs).json().get("status").asText());
        assertError(as(clerkA, "POST", "repair-orders", obj().put("contactId", customer).put("centreAccountId", centreB).put("imei", HandsetRegistryIT.newImei())
                .put("symptom", "x").put("inWarranty", true)), 403, null);
        long warehouseA = centreWarehouse(centreA);
        for (JsonNode l : as(clerkA, "GET", "stock?limit=500", null).expect(200).json().get("items")) {
            assertEquals(warehouseA, l.get("warehouseId").asLong());
        }
        JsonNode warehouses = as(clerkA, "GET", "stock/warehouses", null).expect(200).json();
        assertEquals(1, warehouses.get("total").asLong());
        assertEquals(warehouseA, warehouses.get("items").get(0).get("id").asLong());
        assertError(as(clerkA, "GET", "stock/warehouses/" + hqWarehouse + "/movements", null), 404, null);
        // the service desk: a request routed to B is not in A's queue
        long sr = as(clerkB, "POST", "service-requests", obj().put("channel", "HOTLINE").put("contactId", customer).put("description", "无法充电")
                .put("centreAccountId", centreB)).expect(201).json().get("id").asLong();
        for (JsonNode r : as(clerkA, "GET", "service-requests?limit=500", null).expect(200).json().get("items")) {
            assertFalse(r.get("id").asLong() == sr);
        }
        assertEquals(sr, as(clerkB, "GET", "service-requests/SR" + String.format("%08d", sr), null).expect(200).json().get("id").asLong());
        assertError(as(clerkA, "POST", "service-requests", obj().put("channel", "FAX").put("contactId", customer).put("description", "x")), 400, "channel");
    }

    @Test
    public void eightApproversRaceForTheLastUnitAndExactlyOneWins() throws Exception {
        String p = part("NOVA");
        long warehouse = centreWarehouse(centreA);
        post("stock/receipts", obj().put("warehouseId", warehouse).put("partNumber", p).put("quantity", 1)).expect(201);
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long id = receive(clerkA, centreA, HandsetRegistryIT.newImei(), true).get("id").asLong();
            diagnose(clerkA, id, p);
            requests.add(as(clerkA, "POST", "repair-orders/" + id + "/replacements", obj().put("partNumber", p)).expect(201).json().get("id").asLong());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long r = requests.get(i);
                String serial = "OLD-" + i;
                replies.add(pool.submit(() -> {
                    go.await();
                    return as(approver, "POST", "repair-orders/replacements/" + r + "/approve", obj().put("removedSerial", serial));
                }));
            }
            go.countDown();
            int won = 0;
            int refused = 0;
            for (Future<Reply> f : replies) {
                Reply r = f.get(60, TimeUnit.SECONDS);
                if (r.status() == 200) {
                    won++;
                } else {
                    assertEquals(r.body(), 409, r.status());
                    assertEquals("insufficient_stock", r.json().get("error").asText());
                    refused++;
                }
            }
            assertEquals(1, won);
            assertEquals(7, refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, get("stock?warehouseId=" + warehouse + "&q=" + p).json().get("items").get(0).get("quantity").asLong());
        JsonNode ledger = get("stock/warehouses/" + warehouse + "/movements?partNumber=" + p).expect(200).json();
        assertEquals(2, ledger.get("total").asLong());
        long sum = 0;
        for (JsonNode m : ledger.get("items")) {
            sum += m.get("quantity").asLong();
        }
        assertEquals(0, sum);
        int pending = 0;
        for (long r : requests) {
            pending += get("repair-orders/replacements/" + r).json().get("status").asText().equals("PENDING") ? 1 : 0;
        }
        assertEquals(7, pending);
    }
}
