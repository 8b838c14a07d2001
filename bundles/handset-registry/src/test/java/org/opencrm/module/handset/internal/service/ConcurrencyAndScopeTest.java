package org.opencrm.module.handset.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.api.Imei;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.ImportReport;
import org.opencrm.module.handset.internal.dto.SaleRequest;
import org.opencrm.module.handset.internal.dto.SearchCriteria;
import org.opencrm.module.handset.internal.model.CaptureChannel;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.ScopeDeniedException;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.ScopeType;

/** Atomic status changes under concurrency, data scopes on every path, the card import and the bulk loader. */
class ConcurrencyAndScopeTest {
    private static HandsetOnTestKit f;
    private static long partnerA;
    private static long storeA;
    private static long partnerB;
    private static long storeB;
    private static long ownerA;
    private static long ownerB;

    @BeforeAll
    static void setUp() {
        f = new HandsetOnTestKit();
        f.model("CS-1", null, null);
        f.model("CS-2", null, null);
        partnerA = f.kit.account("A 代理", null);
        storeA = f.kit.account("A 门店", partnerA);
        partnerB = f.kit.account("B 代理", null);
        storeB = f.kit.account("B 门店", partnerB);
        ownerA = f.kit.contact("张三", "13900000001", storeA);
        ownerB = f.kit.contact("李四", "13900000002", storeB);
    }

    @AfterAll
    static void tearDown() {
        f.close();
    }

    private static SaleRequest sale(long contact, long store) {
        return new SaleRequest(contact, null, store, null, HandsetOnTestKit.TODAY.minusDays(1), CaptureChannel.STORE_CLERK, null, null);
    }

    @Test
    void ofTwoConcurrentSalesOfOneUnitExactlyOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String imei = f.register("CS-1");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> results = new ArrayList<>();
                for (long contact : new long[] { ownerA, ownerB, ownerA, ownerB }) {
                    long store = contact == ownerA ? storeA : storeB;
                    Callable<Object> sell = () -> {
                        start.await();
                        try {
                            return f.sales.sell(f.admin, imei, sale(contact, store));
                        } catch (ConflictException e) {
                            return e;
                        }
                    };
                    results.add(pool.submit(sell));
                }
                start.countDown();
                int sold = 0;
                int refused = 0;
                for (Future<Object> r : results) {
                    Object o = r.get();
                    if (o instanceof HandsetData) {
                        sold++;
                    } else {
                        assertEquals("invalid_status", ((ConflictException) o).code());
                        refused++;
                    }
                }
                assertEquals(1, sold, "round " + round);
                assertEquals(3, refused);
                long cards = (long) f.jpa.txExpr(em -> em.createQuery("SELECT COUNT(s) FROM Sale s, Handset h WHERE s.handsetId = h.id AND h.imei = :i", Long.class)
                        .setParameter("i", imei).getSingleResult());
                assertEquals(1, cards, "one warranty card");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRegistrationsOfOneImeiLeaveOneUnit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            String imei = f.imei();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return f.handsets.register(f.admin, new org.opencrm.module.handset.internal.dto.RegisterRequest(imei, null, "RACE-" + imei + "-" + n,
                                "CS-1", null, null));
                    } catch (ConflictException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            int ok = 0;
            for (Future<Object> r : results) {
                Object o = r.get();
                if (o instanceof HandsetData) {
                    ok++;
                } else {
                    assertEquals("imei", ((ConflictException) o).field());
                }
            }
            assertEquals(1, ok);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStoreClerkSellsOnlyForOwnStoresAndSeesOnlyTheirUnits() {
        CrmUser clerkA = f.user("clerkA", ScopeType.STORE, storeA, "handset.read", "handset.sale");
        String inStock = f.register("CS-1");
        // the unit in hand is found by its exact IMEI, but a store outside the scope is refused with 403
        assertEquals(inStock, f.handsets.get(clerkA, inStock).imei());
        ScopeDeniedException denied = assertThrows(ScopeDeniedException.class, () -> f.sales.sell(clerkA, inStock, sale(ownerA, storeB)));
        assertTrue(denied.getMessage().contains("outside your data scope"), denied.getMessage());
        assertEquals(HandsetStatus.IN_STOCK, f.handsets.get(f.admin, inStock).status());
        f.sales.sell(clerkA, inStock, sale(ownerA, storeA));

        String soldByB = f.register("CS-1");
        f.sales.sell(f.admin, soldByB, sale(ownerB, storeB));
        assertThrows(RecordNotFoundException.class, () -> f.handsets.get(clerkA, soldByB));
        assertThrows(RecordNotFoundException.class, () -> f.handsets.history(clerkA, soldByB, PageRequest.of(null, null, null)));
        assertThrows(RecordNotFoundException.class, () -> f.sales.returnUnit(clerkA, soldByB, null));
        assertEquals("contactId", assertThrows(InvalidInputException.class, () -> f.sales.sell(clerkA, f.register("CS-1"), sale(ownerB, storeA))).field(),
                "another partner's contact does not exist for this clerk");

        Page<HandsetData> mine = f.handsets.search(clerkA, SearchCriteria.NONE, PageRequest.of(null, 0, 500));
        Set<Long> stores = mine.items().stream().map(HandsetData::storeAccountId).collect(Collectors.toSet());
        assertEquals(Set.of(storeA), stores, "only units sold through the clerk's store; no stock");
        SearchCriteria byImei = new SearchCriteria(inStock, null, null, null, null, null);
        SearchCriteria byB = new SearchCriteria(soldByB, null, null, null, null, null);
        assertEquals(1, f.handsets.search(clerkA, byImei, PageRequest.of(null, 0, 5)).total());
        assertEquals(0, f.handsets.search(clerkA, byB, PageRequest.of(null, 0, 5)).total());
        assertEquals(0, f.handsets.search(clerkA, new SearchCriteria(null, null, null, null, HandsetStatus.IN_STOCK, null), PageRequest.of(null, 0, 5)).total());
        CrmUser partnerUser = f.user("partnerA", ScopeType.PARTNER, partnerA, "handset.read");
        assertEquals(1, f.handsets.search(partnerUser, byImei, PageRequest.of(null, 0, 5)).total(), "the partner sees its stores' units");
        assertEquals(0, f.handsets.search(partnerUser, byB, PageRequest.of(null, 0, 5)).total());
        StringWriter csv = new StringWriter();
        f.handsets.exportCsv(clerkA, SearchCriteria.NONE, null, csv);
        assertTrue(csv.toString().contains(inStock));
        assertFalse(csv.toString().contains(soldByB));
        assertEquals(1, f.handsets.search(f.admin, byB, PageRequest.of(null, 0, 5)).total());

        // the store moves to partner B: partner A's user no longer sees its units, at once (the module keeps no copy of the tree)
        f.kit.moveAccount(storeA, partnerB);
        assertEquals(0, f.handsets.search(partnerUser, byImei, PageRequest.of(null, 0, 5)).total());
        assertEquals(1, f.handsets.search(f.user("partnerB", ScopeType.PARTNER, partnerB, "handset.read"), byImei, PageRequest.of(null, 0, 5)).total());
        f.kit.moveAccount(storeA, partnerA);
    }

    @Test
    void theCardImportSavesGoodRowsAndReportsBadOnesByColumn() {
        String ok1 = f.register("CS-2");
        String ok2 = f.register("CS-2");
        String bad = f.register("CS-2");
        String csv = "imei,ownerMobile,storeAccountId,saleDate,invoiceNumber,accessories\n"
                + ok1 + ",13900000001," + storeA + ",2024-03-01,FP-1,BATTERY:B1;CHARGER:C1\n"
                + "490154203237519,13900000001," + storeA + ",2024-03-01,FP-2,\n"            // bad check digit
                + bad + ",13911112222," + storeA + ",2024-03-01,FP-3,\n"                     // no such contact
                + bad + ",13900000001," + storeA + ",2099-01-01,FP-4,\n"                     // future
                + bad + ",13900000001," + storeA + ",2024-03-01,FP-5,SCREEN:1\n"             // unknown accessory
                + Imei.withCheckDigit("86123499999999") + ",13900000001," + storeA + ",2024-03-01,,\n" // not registered
                + ok1 + ",13900000001," + storeA + ",2024-03-01,FP-6,\n"                     // sold above already
                + ok2 + ",13900000001," + storeA + ",2024-03-02,FP-7,WIRED_HEADSET\n";
        long cards = f.jpa.count("HS_SALE");
        ImportReport r = f.importer.importCards(f.admin, new StringReader(csv));
        assertEquals(8, r.total());
        assertEquals(2, r.imported());
        assertEquals(6, r.failed());
        assertEquals(List.of("imei", "ownerMobile", "saleDate", "accessories", "imei", "imei"), r.errors().stream().map(ImportReport.RowError::field).toList());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L), r.errors().stream().map(ImportReport.RowError::line).toList());
        assertEquals(cards + 2, f.jpa.count("HS_SALE"));
        assertEquals(HandsetStatus.IN_STOCK, f.handsets.get(f.admin, bad).status(), "a bad row writes nothing");
        assertEquals(LocalDate.of(2024, 3, 1).plusMonths(6), f.handsets.get(f.admin, ok1).card().accessories().get(0).warrantyUntil());

        CrmUser clerkB = f.user("clerkB", ScopeType.STORE, storeB, "handset.read", "handset.sale");
        String other = f.register("CS-2");
        ImportReport scoped = f.importer.importCards(clerkB, new StringReader("imei,contactId,storeAccountId,saleDate\n" + other + "," + ownerB + "," + storeA + ",2024-03-01\n"));
        assertEquals("storeAccountId", scoped.errors().get(0).field());
        assertEquals("header", assertThrows(InvalidInputException.class,
                () -> f.importer.importCards(f.admin, new StringReader("imei,colour\n1,red\n"))).field());
    }

    @Test
    void theBulkLoaderWritesValidUnitsThatEveryPathFinds() {
        long before = f.jpa.count("HS_HANDSET");
        BulkLoader.Result r = f.loader.load(f.admin, new BulkLoader.Options(4500, 30, 50, ownerA, storeA));
        assertEquals(4500, r.units());
        assertEquals(4500, f.jpa.count("HS_HANDSET") - before);
        assertTrue(r.dualSim() > 1000 && r.dualSim() < 1700, "about 30 %: " + r.dualSim());
        assertTrue(r.sold() > 2000 && r.sold() < 2500, "about half: " + r.sold());
        assertTrue(Imei.isValid(r.sampleImei()));
        HandsetData first = f.handsets.get(f.admin, r.sampleImei());
        assertEquals(r.firstId(), first.id());
        List<HandsetData> page = f.handsets.search(f.admin, SearchCriteria.NONE, PageRequest.of(null, 0, 20)).items();
        assertEquals(r.lastId(), page.get(0).id(), "newest first");
        assertTrue(f.handsets.search(f.admin, SearchCriteria.NONE, PageRequest.of(null, 0, 20)).total() >= 4500);
        // every bulk unit has a registration row, sold ones a card and a sale row
        assertEquals(f.jpa.count("HS_HANDSET"), (long) f.jpa.txExpr(em -> em.createQuery("SELECT COUNT(DISTINCT e.handsetId) FROM HandsetEvent e", Long.class).getSingleResult()));
        HandsetData sold = f.handsets.search(f.admin, new SearchCriteria(null, null, null, null, HandsetStatus.SOLD, null), PageRequest.of(null, 0, 1)).items().get(0);
        assertEquals(ownerA, f.handsets.get(f.admin, sold.imei()).card().contactId());
        // a second load continues with fresh ids and IMEIs, and a sale through JPA afterwards still gets a fresh id
        BulkLoader.Result again = f.loader.load(f.admin, new BulkLoader.Options(10, 100, 0, null, null));
        assertTrue(again.firstId() > r.lastId());
        String imei = f.register("CS-1");
        assertTrue(f.handsets.get(f.admin, imei).id() > again.lastId() || f.handsets.get(f.admin, imei).id() < r.firstId());
        f.sales.sell(f.admin, imei, sale(ownerA, storeA));
        // search by full IMEI finds a dual-SIM unit by its second IMEI; prefixes and serials work
        HandsetData dual = f.handsets.search(f.admin, new SearchCriteria(null, "DM", null, null, null, null), PageRequest.of(null, 0, 50)).items()
                .stream().filter(h -> h.imei2() != null).findFirst().orElseThrow();
        assertEquals(dual.id(), f.handsets.search(f.admin, new SearchCriteria(dual.imei2(), null, null, null, null, null), PageRequest.of(null, 0, 5))
                .items().get(0).id());
        assertEquals(dual.id(), f.handsets.search(f.admin, SearchCriteria.NONE, PageRequest.of(dual.imei().substring(0, 14), 0, 5)).items().get(0).id());
        assertEquals(1, f.handsets.search(f.admin, new SearchCriteria(null, dual.serialNumber().toLowerCase(), null, null, null, null),
                PageRequest.of(null, 0, 5)).total());
        assertTrue(f.handsets.search(f.admin, new SearchCriteria(null, null, "139 0000 0001", null, null, null), PageRequest.of(null, 0, 5)).total() > 0);
        assertEquals(0, f.handsets.search(f.admin, new SearchCriteria(null, null, "13700000000", null, null, null), PageRequest.of(null, 0, 5)).total());
        assertEquals("model", assertThrows(InvalidInputException.class,
                () -> f.handsets.search(f.admin, new SearchCriteria(null, null, null, "NOPE", null, null), PageRequest.of(null, 0, 5))).field());
        assertTrue(f.handsets.search(f.admin, new SearchCriteria(null, null, null, "hx-nova-8", HandsetStatus.IN_STOCK, null), PageRequest.of(null, 0, 5))
                .items().stream().allMatch(h -> h.modelCode().equals("HX-NOVA-8") && h.status() == HandsetStatus.IN_STOCK));
    }
}
