package org.opencrm.module.repair.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.ApprovalInput;
import org.opencrm.module.repair.internal.dto.Diagnosis;
import org.opencrm.module.repair.internal.dto.FaultReport;
import org.opencrm.module.repair.internal.dto.MovementData;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.OrderLineInput;
import org.opencrm.module.repair.internal.dto.PartInput;
import org.opencrm.module.repair.internal.dto.PartReturnData;
import org.opencrm.module.repair.internal.dto.PartReturnInput;
import org.opencrm.module.repair.internal.dto.PartsOrderData;
import org.opencrm.module.repair.internal.dto.PartsOrderInput;
import org.opencrm.module.repair.internal.dto.QuoteDecision;
import org.opencrm.module.repair.internal.dto.QuoteInput;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.ReplacementData;
import org.opencrm.module.repair.internal.dto.ReplacementInput;
import org.opencrm.module.repair.internal.dto.ReturnLineInput;
import org.opencrm.module.repair.internal.dto.StockInput;
import org.opencrm.module.repair.internal.dto.TransferData;
import org.opencrm.module.repair.internal.dto.TransferInput;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;

/** The stock ledger, replacement approvals, parts orders with backorders, defective returns and fault analytics. */
class StockAndPartsTest {
    private static RepairOnTestKit f;
    private static long centreA;
    private static long centreB;

    @BeforeAll
    static void setUp() {
        f = new RepairOnTestKit();
        centreA = f.centreWarehouse(f.centreA);
        centreB = f.centreWarehouse(f.centreB);
    }

    @AfterAll
    static void tearDown() {
        f.close();
    }

    private static void assertLedgerMatchesBalances() {
        for (long[] row : f.stock.reconcile()) {
            assertEquals(row[2], row[3], "warehouse " + row[0] + " part " + row[1] + ": ledger sum = balance");
            assertTrue(row[3] >= 0);
        }
    }

    @Test
    void theLedgerNeverGoesNegativeAndATransferWritesBothLegs() {
        String part = f.part("BAT-01", "NOVA-5", "nova-6");
        assertEquals(List.of("NOVA-5", "NOVA-6"), f.parts.byNumber(f.admin, "bat-01").models());
        f.receipt(f.hqWarehouse.id(), part, 10);
        long rows = f.jpa.count("RP_MOVEMENT");
        ConflictException short1 = assertThrows(InsufficientStockException.class,
                () -> f.stock.adjust(f.admin, new StockInput(f.hqWarehouse.id(), part, -11L, "count")));
        assertEquals("insufficient_stock", short1.code());
        assertEquals(10, ((InsufficientStockException) short1).available());
        assertThrows(InsufficientStockException.class, () -> f.stock.transfer(f.admin, new TransferInput(f.hqWarehouse.id(), centreA, part, 11L, null)));
        assertThrows(InsufficientStockException.class, () -> f.stock.transfer(f.admin, new TransferInput(centreB, centreA, part, 1L, null)),
                "a part never in the warehouse");
        assertEquals(rows, f.jpa.count("RP_MOVEMENT"), "nothing written");
        assertEquals("note", assertThrows(InvalidInputException.class, () -> f.stock.adjust(f.admin, new StockInput(f.hqWarehouse.id(), part, -1L, null)))
                .field());
        assertEquals("quantity", assertThrows(InvalidInputException.class, () -> f.stock.receive(f.admin, new StockInput(f.hqWarehouse.id(), part, 0L, null)))
                .field());
        assertEquals("partNumber", assertThrows(InvalidInputException.class, () -> f.stock.receive(f.admin, new StockInput(f.hqWarehouse.id(), "NOPE", 1L,
                null))).field());
        assertEquals("toWarehouseId", assertThrows(InvalidInputException.class, () -> f.stock.transfer(f.admin, new TransferInput(centreA, centreA, part, 1L,
                null))).field());

        TransferData t = f.stock.transfer(f.admin, new TransferInput(f.hqWarehouse.id(), centreA, part, 4L, "monthly"));
        assertEquals("TRANSFER_OUT", t.out().kind());
        assertEquals(-4, t.out().quantity());
        assertEquals(6, t.out().balanceAfter());
        assertEquals("TRANSFER_IN", t.in().kind());
        assertEquals(4, t.in().balanceAfter());
        assertEquals(t.transferId(), t.in().transferId());
        assertEquals(6, f.stock.quantity(f.hqWarehouse.id(), f.parts.byNumber(f.admin, part).id()));
        MovementData adjusted = f.stock.adjust(f.admin, new StockInput(centreA, part, -4L, "water damage"));
        assertEquals(0, adjusted.balanceAfter());
        assertThrows(InsufficientStockException.class, () -> f.stock.adjust(f.admin, new StockInput(centreA, part, -1L, "count")));
        assertEquals(2, f.stock.movements(f.admin, centreA, part, PageRequest.of(null, 0, 10)).total(), "transfer in, adjustment");
        assertLedgerMatchesBalances();

        // scope: a centre sees its own stock only and cannot book in another's warehouse
        CrmUser clerkA = f.clerk(f.centreA);
        assertTrue(f.stock.levels(clerkA, null, PageRequest.of(null, 0, 500)).items().stream().allMatch(l -> l.warehouseId() == centreA));
        assertEquals(List.of(centreA), f.stock.warehouses(clerkA).stream().map(w -> w.id()).toList());
        assertThrows(org.opencrm.platform.api.RecordNotFoundException.class, () -> f.stock.movements(clerkA, centreB, null, PageRequest.of(null, 0, 10)));
        assertThrows(AccessDeniedException.class, () -> f.stock.returnToShelf(clerkA, new StockInput(centreB, part, 1L, null)));
        assertThrows(AccessDeniedException.class, () -> f.stock.receive(clerkA, new StockInput(centreA, part, 1L, null)), "receipts need repair.stock");
    }

    @Test
    void inWarrantyApprovalNeedsHqPermissionIssuesThePartAndRecordsTheSerial() {
        String part = f.part("CAM-01", "NOVA-5");
        f.receipt(centreA, part, 1);
        RepairOrderData o = f.diagnosed(f.centreA, true);
        CrmUser clerk = f.clerk(f.centreA);
        ReplacementData r = f.replacements.request(clerk, o.id(), new ReplacementInput(part, null, "blurred", null));
        assertEquals("PENDING", r.status());
        assertTrue(r.inWarranty());
        assertThrows(AccessDeniedException.class, () -> f.replacements.approve(clerk, r.id(), new ApprovalInput("OLD-1", null, null)));
        assertThrows(AccessDeniedException.class, () -> f.replacements.reject(clerk, r.id(), new NoteInput("no")));
        assertEquals("PENDING", f.replacements.get(f.admin, r.id()).status());
        assertEquals(1, f.stock.quantity(centreA, r.partId()), "nothing issued");
        CrmUser approver = f.user("hq-approver", null, RepairModule.READ, RepairModule.APPROVE);
        assertEquals("removedSerial", assertThrows(InvalidInputException.class, () -> f.replacements.approve(approver, r.id(), new ApprovalInput(" ", null,
                null))).field());
        assertEquals(1, f.replacements.search(approver, null, true, PageRequest.of(null, 0, 500)).items().stream().filter(x -> x.id() == r.id()).count(),
                "in the HQ inbox");
        ReplacementData approved = f.replacements.approve(approver, r.id(), new ApprovalInput("OLD-1", "NEW-1", null));
        assertEquals("APPROVED", approved.status());
        assertEquals("OLD-1", approved.removedSerial());
        assertEquals(0, f.stock.quantity(centreA, r.partId()));
        assertEquals("invalid_status", assertThrows(ConflictException.class, () -> f.replacements.approve(approver, r.id(), new ApprovalInput("OLD-1", null,
                null))).code());
        ReplacementData second = f.replacements.request(clerk, o.id(), new ReplacementInput(part, 1, null, null));
        assertEquals("insufficient_stock", assertThrows(InsufficientStockException.class, () -> f.replacements.approve(approver, second.id(),
                new ApprovalInput("OLD-2", null, null))).code());
        assertEquals("PENDING", f.replacements.get(f.admin, second.id()).status(), "refused: still pending");
        ReplacementData rejected = f.replacements.reject(approver, second.id(), new NoteInput("not the cause"));
        assertEquals("not the cause", rejected.rejectionReason());
        assertTrue(f.kit.timelineEntries().stream().anyMatch(t -> t.type().equals("REPAIR_PART_REPLACED")));
        assertTrue(f.kit.postedEvents().stream().anyMatch(e -> e.topic().equals("crm/repair/PART_ISSUED")));
        assertLedgerMatchesBalances();

        // the defective part goes back to HQ linked to its order
        PartReturnData ret = f.returns.create(clerk, new PartReturnInput(centreA, null, "SF123", null,
                List.of(new ReturnLineInput(o.id(), part, "OLD-1", r.id()))));
        assertEquals("SHIPPED", ret.status());
        assertEquals(f.hqWarehouse.id(), ret.toWarehouseId());
        assertEquals("lines[0].repairOrderId", assertThrows(InvalidInputException.class, () -> f.returns.create(clerk, new PartReturnInput(centreA, null, null,
                null, List.of(new ReturnLineInput(f.order(f.centreB, true).id(), part, "X", null))))).field());
        assertThrows(AccessDeniedException.class, () -> f.returns.receive(clerk, ret.id(), new NoteInput("ok")));
        assertEquals("RECEIVED", f.returns.receive(f.admin, ret.id(), new NoteInput("solder joint cracked")).status());
        assertEquals(1, f.returns.search(f.admin, null, o.id(), PageRequest.of(null, 0, 10)).total());
    }

    @Test
    void outOfWarrantyTheCentreApprovesOnceTheQuoteIsAccepted() {
        String part = f.part("SPK-01", "NOVA-5");
        f.receipt(centreA, part, 2);
        RepairOrderData o = f.diagnosed(f.centreA, false);
        CrmUser clerk = f.clerk(f.centreA);
        ReplacementData r = f.replacements.request(clerk, o.id(), new ReplacementInput(part, 1, null, null));
        assertEquals("quote_required", assertThrows(ConflictException.class, () -> f.replacements.approve(clerk, r.id(), new ApprovalInput("S1", null, null)))
                .code());
        f.orders.quote(clerk, o.id(), new QuoteInput(new BigDecimal("45.60"), new BigDecimal("20.00")));
        f.orders.decideQuote(clerk, o.id(), new QuoteDecision(true, null));
        assertEquals("APPROVED", f.replacements.approve(clerk, r.id(), new ApprovalInput("S1", null, null)).status());
        assertEquals(1, f.stock.quantity(centreA, r.partId()));
        assertThrows(org.opencrm.platform.api.RecordNotFoundException.class, () -> f.replacements.get(f.clerk(f.centreB), r.id()));
    }

    @Test
    void aPartsOrderShipsWhatIsThereBackordersTheRestAndIsReceivedInFull() {
        String a = f.part("PO-A");
        String b = f.part("PO-B");
        f.receipt(f.hqWarehouse.id(), a, 5);
        f.receipt(f.hqWarehouse.id(), b, 1);
        CrmUser clerk = f.clerk(f.centreB);
        assertEquals("lines[1].quantity", assertThrows(InvalidInputException.class, () -> f.partsOrders.submit(clerk, new PartsOrderInput(null, f.centreB,
                null, List.of(new OrderLineInput(a, 1L), new OrderLineInput(b, 0L)), null))).field());
        assertEquals("lines[0].partNumber", assertThrows(InvalidInputException.class, () -> f.partsOrders.submit(clerk, new PartsOrderInput(null, f.centreB,
                null, List.of(new OrderLineInput("NOPE", 1L)), null))).field());
        PartsOrderData po = f.partsOrders.submit(clerk, new PartsOrderInput(null, f.centreB, null, List.of(new OrderLineInput(a, 3L),
                new OrderLineInput(b, 4L)), "urgent"));
        assertEquals("SUBMITTED", po.status());
        assertEquals(f.hqWarehouse.id(), po.supplierId(), "the centre's default supplier");
        assertEquals("invalid_status", assertThrows(ConflictException.class, () -> f.partsOrders.ship(f.admin, po.id())).code(), "not approved yet");
        assertThrows(AccessDeniedException.class, () -> f.partsOrders.approve(clerk, po.id()));
        f.partsOrders.approve(f.admin, po.id());
        PartsOrderData shipped = f.partsOrders.ship(f.admin, po.id());
        assertEquals("PARTIALLY_SHIPPED", shipped.status());
        assertEquals(3, shipped.lines().get(0).shipped());
        assertEquals(1, shipped.lines().get(1).shipped());
        assertEquals(3, shipped.lines().get(1).backorder());
        assertEquals(0, f.stock.quantity(f.hqWarehouse.id(), shipped.lines().get(1).partId()));
        assertEquals("insufficient_stock", assertThrows(InsufficientStockException.class, () -> f.partsOrders.ship(f.admin, po.id())).code(),
                "nothing more to ship yet");
        PartsOrderData received = f.partsOrders.receive(clerk, po.id());
        assertEquals("PARTIALLY_SHIPPED", received.status(), "the backorder is open");
        assertEquals(3, f.stock.quantity(centreB, received.lines().get(0).partId()));
        assertEquals("nothing_in_transit", assertThrows(ConflictException.class, () -> f.partsOrders.receive(clerk, po.id())).code());
        f.receipt(f.hqWarehouse.id(), b, 10);
        assertEquals("SHIPPED", f.partsOrders.ship(f.admin, po.id()).status());
        PartsOrderData done = f.partsOrders.receive(clerk, po.id());
        assertEquals("RECEIVED", done.status());
        assertEquals(4, f.stock.quantity(centreB, done.lines().get(1).partId()));
        assertEquals(7, f.stock.quantity(f.hqWarehouse.id(), done.lines().get(1).partId()));
        assertEquals("invalid_status", assertThrows(ConflictException.class, () -> f.partsOrders.cancel(clerk, po.id(), null)).code());
        assertFalse(f.partsOrders.search(f.clerk(f.centreA), null, null, PageRequest.of(null, 0, 500)).items().stream().anyMatch(x -> x.id() == po.id()),
                "another centre does not see it");
        assertLedgerMatchesBalances();
    }

    @Test
    void analyticsCountFaultsByModelCodeAndPartAndRatesNeedTheRegistry() {
        f.part("ANA-LCD", "ANA-1");
        for (int i = 0; i < 3; i++) {
            RepairOrderData o = f.orders.receive(f.admin, new org.opencrm.module.repair.internal.dto.NewRepairOrder(null, f.customer, f.centreA, f.imei(), null,
                    "ANA-1", "lines on screen", true, null, null, null, null, null));
            f.orders.diagnose(f.admin, o.id(), new Diagnosis(i < 2 ? "F02" : "F08", null, "ANA-LCD", null, null));
        }
        LocalDate today = f.settings.today();
        FaultReport r = f.analytics.report(f.admin, today, today, 5);
        assertEquals(2, r.faults().stream().filter(x -> "ANA-1".equals(x.modelCode()) && "F02".equals(x.faultCode()) && "ANA-LCD".equals(x.partNumber()))
                .findFirst().orElseThrow().repairs());
        assertEquals("ANA-LCD", r.topParts().get(0).partNumber());
        assertFalse(r.registryPresent());
        assertEquals(null, r.repairRates().stream().filter(x -> x.modelCode().equals("ANA-1")).findFirst().orElseThrow().rate());
        RepairOnTestKit.FakeRegistry registry = new RepairOnTestKit.FakeRegistry();
        registry.sold.put("ANA-1", 200L);
        f.analytics.setDevices(registry);
        try {
            var rate = f.analytics.report(f.admin, today, today, null).repairRates().stream().filter(x -> x.modelCode().equals("ANA-1")).findFirst().orElseThrow();
            assertEquals(3, rate.repairs());
            assertEquals(0, new BigDecimal("0.0150").compareTo(rate.rate()));
            String csv = f.analytics.csv(f.admin, today, today, "rates");
            assertTrue(csv.startsWith("from,to,model,repairs,unitsSold,repairRate\r\n"), csv);
            assertTrue(csv.contains("ANA-1,3,200,0.0150"), csv);
        } finally {
            f.analytics.setDevices(null);
        }
        assertEquals("from", assertThrows(InvalidInputException.class, () -> f.analytics.report(f.admin, today, today.minusDays(1), null)).field());
        assertEquals("kind", assertThrows(InvalidInputException.class, () -> f.analytics.csv(f.admin, today, today, "x")).field());
        assertTrue(f.analytics.report(f.clerk(f.centreB), today, today, null).faults().stream().noneMatch(x -> "ANA-1".equals(x.modelCode())),
                "centre B repaired none of them");
    }

    @Test
    void theCatalogueRefusesDuplicatesAndBadMoney() {
        f.part("CAT-1");
        assertEquals("partNumber", assertThrows(ConflictException.class, () -> f.part("cat-1")).field());
        assertEquals("cost", assertThrows(InvalidInputException.class, () -> f.parts.create(f.admin, new PartInput("CAT-2", "x", List.of(),
                new BigDecimal("1.234"), BigDecimal.ONE, null, null))).field());
        assertEquals("partNumber", assertThrows(InvalidInputException.class, () -> f.parts.create(f.admin, new PartInput("bad number", "x", List.of(),
                BigDecimal.ONE, BigDecimal.ONE, null, null))).field());
        assertThrows(AccessDeniedException.class, () -> f.parts.create(f.clerk(f.centreA), new PartInput("CAT-3", "x", List.of(), BigDecimal.ONE,
                BigDecimal.ONE, null, null)));
        var p = f.parts.byNumber(f.admin, "CAT-1");
        assertEquals("version", assertThrows(InvalidInputException.class, () -> f.parts.update(f.admin, p.id(), new PartInput("CAT-1", "y", List.of(),
                BigDecimal.ONE, BigDecimal.TEN, null, null))).field());
        var updated = f.parts.update(f.admin, p.id(), new PartInput("CAT-1", "Cover", List.of("M1"), BigDecimal.ONE, new BigDecimal("9.90"), null, p.version()));
        assertEquals(0, new BigDecimal("9.90").compareTo(updated.price()));
        assertEquals("version", assertThrows(ConflictException.class, () -> f.parts.update(f.admin, p.id(), new PartInput("CAT-1", "z", List.of(),
                BigDecimal.ONE, BigDecimal.ONE, null, p.version()))).field());
        assertEquals(1, f.parts.search(f.admin, null, "m1", PageRequest.of(null, 0, 10)).total());
    }
}
