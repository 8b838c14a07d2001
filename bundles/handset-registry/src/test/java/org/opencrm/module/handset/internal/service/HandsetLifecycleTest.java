package org.opencrm.module.handset.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.api.HandsetEvents;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.api.NoWarrantyReason;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.internal.dto.AccessoryData;
import org.opencrm.module.handset.internal.dto.ExchangeRequest;
import org.opencrm.module.handset.internal.dto.ExchangeResult;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.HistoryEntry;
import org.opencrm.module.handset.internal.dto.RegisterRequest;
import org.opencrm.module.handset.internal.dto.ReturnRequest;
import org.opencrm.module.handset.internal.dto.SaleRequest;
import org.opencrm.module.handset.internal.dto.StatusRequest;
import org.opencrm.module.handset.internal.dto.TransferRequest;
import org.opencrm.module.handset.internal.model.CaptureChannel;
import org.opencrm.module.handset.internal.model.EventType;
import org.opencrm.module.handset.internal.model.SaleStatus;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.ScopeType;

/** Sale, warranty, return, exchange and transfer through the services, on a real database. */
class HandsetLifecycleTest {
    private static HandsetOnTestKit f;
    private static long chain;
    private static long store;
    private static long owner;
    private static long secondOwner;

    @BeforeAll
    static void setUp() {
        f = new HandsetOnTestKit();
        f.model("LC-STD", null, null);
        f.model("LC-LONG", 24, 12); // a model with longer warranties than the rules require
        f.model("LC-OTHER", null, null);
        chain = f.kit.account("连锁", null);
        store = f.kit.account("门店", chain);
        owner = f.kit.contact("王芳", "13800000001", store);
        secondOwner = f.kit.contact("李雷", "13800000002", store);
    }

    @AfterAll
    static void tearDown() {
        f.close();
    }

    private static SaleRequest sale(LocalDate date, List<AccessoryData> accessories) {
        return new SaleRequest(owner, chain, store, "FP-001", date, CaptureChannel.STORE_CLERK, accessories, null);
    }

    private static String sold(String model, LocalDate date) {
        String imei = f.register(model);
        f.sales.sell(f.admin, imei, sale(date, List.of()));
        return imei;
    }

    @Test
    void aSaleIssuesACardWithWarrantyEndsPerHandsetAndAccessory() {
        String imei = f.register("LC-STD");
        HandsetData h = f.sales.sell(f.admin, imei, sale(LocalDate.of(2024, 2, 29), List.of(new AccessoryData(AccessoryType.BATTERY, "BT-1", null),
                new AccessoryData(AccessoryType.CHARGER, "CH-1", null), new AccessoryData(AccessoryType.WIRED_HEADSET, null, null))));
        assertEquals(HandsetStatus.SOLD, h.status());
        assertEquals(owner, h.ownerContactId());
        assertEquals(store, h.storeAccountId());
        assertEquals(LocalDate.of(2025, 2, 28), h.warrantyUntil(), "leap day + 12 months: the last day of February");
        assertEquals(SaleStatus.ACTIVE, h.card().status());
        assertEquals(LocalDate.of(2024, 8, 29), h.card().accessories().get(0).warrantyUntil(), "battery 6 months");
        assertEquals(LocalDate.of(2025, 2, 28), h.card().accessories().get(1).warrantyUntil(), "charger 12 months");
        assertEquals(LocalDate.of(2024, 5, 29), h.card().accessories().get(2).warrantyUntil(), "wired headset 3 months");
        assertEquals("FP-001", h.card().invoiceNumber());
        // the lookup reads unit, model, card and accessories in one statement (by IMEI), or unit then card (by serial)
        for (String key : List.of(imei, h.serialNumber())) {
            HandsetData read = f.handsets.get(f.admin, key);
            assertEquals(h.modelCode(), read.modelCode());
            assertEquals(h.card().id(), read.card().id());
            assertEquals(h.card().accessories(), read.card().accessories(), "accessories in the order of the card");
        }

        // the same facts through the warranty API
        WarrantyCheck ok = f.handsets.warranty(imei, LocalDate.of(2025, 2, 28), null);
        assertTrue(ok.inWarranty());
        assertEquals(LocalDate.of(2024, 2, 29), ok.from());
        assertEquals(NoWarrantyReason.EXPIRED, f.handsets.warranty(imei, LocalDate.of(2025, 3, 1), null).reason());
        assertTrue(f.handsets.warranty(imei, LocalDate.of(2024, 8, 29), AccessoryType.BATTERY).inWarranty());
        assertEquals(NoWarrantyReason.EXPIRED, f.handsets.warranty(imei, LocalDate.of(2024, 8, 30), AccessoryType.BATTERY).reason());
        assertEquals(NoWarrantyReason.EXPIRED, f.handsets.warranty(imei, LocalDate.of(2024, 5, 30), AccessoryType.WIRED_HEADSET).reason());
        assertEquals(NoWarrantyReason.NOT_REGISTERED, f.handsets.warranty(f.imei(), null, null).reason());
        assertEquals(NoWarrantyReason.NOT_SOLD, f.handsets.warranty(f.register("LC-STD"), null, null).reason());
        assertEquals("imei", assertThrows(InvalidInputException.class, () -> f.handsets.warranty("12345", null, null)).field());

        // history, audit, timeline, event
        List<HistoryEntry> history = f.handsets.history(f.admin, imei, PageRequest.of(null, null, null)).items();
        assertEquals(List.of(EventType.REGISTERED, EventType.SOLD), history.stream().map(HistoryEntry::type).toList());
        assertEquals(owner, history.get(1).contactId());
        assertTrue(f.kit.timelineEntries().stream().anyMatch(t -> t.contactId() == owner && t.type().equals("HANDSET_SOLD") && imei.equals(t.refId())));
        assertTrue(f.kit.auditEntries().stream().anyMatch(a -> a.recordId().equals(h.id().toString()) && a.action().equals("sell")));
        // the sale's audit entry belongs to the store that sold the unit (whose staff may read it); the registration
        // of a unit in HQ's stock belongs to no store (HQ reads it)
        assertTrue(f.kit.auditEntries().stream().anyMatch(a -> a.recordId().equals(h.id().toString()) && a.action().equals("sell") && h.storeAccountId().equals(a.accountId())),
                "sale attributed to its store");
        assertTrue(f.kit.auditEntries().stream().anyMatch(a -> a.recordId().equals(h.id().toString()) && a.action().equals("register") && a.accountId() == null));
        assertTrue(f.kit.postedEvents().stream().anyMatch(e -> e.topic().equals(HandsetEvents.SOLD) && imei.equals(e.properties().get(HandsetEvents.IMEI))));
    }

    @Test
    void warrantyCardsAreWhatRefersToTheOwner() {
        long buyer = f.kit.contact("赵云", "13800000077", store);
        HandsetContactReferences refs = new HandsetContactReferences(f.jpa);
        assertEquals(List.of(), refs.referencesTo(buyer, java.util.Locale.ENGLISH));
        String imei = f.register("LC-STD");
        f.sales.sell(f.admin, imei, new SaleRequest(buyer, chain, store, "FP-077", null, CaptureChannel.STORE_CLERK, List.of(), null));
        assertEquals("1 warranty card", refs.referencesTo(buyer, java.util.Locale.ENGLISH).get(0).description());
        assertTrue(refs.referencesTo(buyer, java.util.Locale.SIMPLIFIED_CHINESE).get(0).description().contains("保修卡"));
        assertEquals(java.util.Set.of(buyer), refs.referencedAmong(List.of(buyer, buyer + 1000)));
    }

    @Test
    void modelsMayExtendTheWarranty() {
        String imei = f.register("LC-LONG");
        HandsetData h = f.sales.sell(f.admin, imei, sale(LocalDate.of(2024, 1, 31), List.of(new AccessoryData(AccessoryType.BATTERY, "B", null),
                new AccessoryData(AccessoryType.WIRED_HEADSET, "H", null))));
        assertEquals(LocalDate.of(2026, 1, 31), h.warrantyUntil());
        assertEquals(LocalDate.of(2025, 1, 31), h.card().accessories().get(0).warrantyUntil(), "the model's 12-month battery");
        assertEquals(LocalDate.of(2024, 4, 30), h.card().accessories().get(1).warrantyUntil(), "the default 3 months from Jan 31: Apr 30");
    }

    @Test
    void aBadSaleIsRefusedNamingTheFieldAndWritesNothing() {
        String imei = f.register("LC-STD");
        long events = f.jpa.count("HS_EVENT");
        long cards = f.jpa.count("HS_SALE");
        assertEquals("saleDate", assertThrows(InvalidInputException.class,
                () -> f.sales.sell(f.admin, imei, sale(HandsetOnTestKit.TODAY.plusDays(1), List.of()))).field());
        assertEquals("saleDate", assertThrows(InvalidInputException.class,
                () -> f.sales.sell(f.admin, imei, sale(LocalDate.of(2022, 12, 31), List.of()))).field(), "before the model's launch");
        assertEquals("contactId", assertThrows(InvalidInputException.class, () -> f.sales.sell(f.admin, imei,
                new SaleRequest(999_999L, null, store, null, null, CaptureChannel.HOTLINE, null, null))).field());
        assertEquals("storeAccountId", assertThrows(InvalidInputException.class, () -> f.sales.sell(f.admin, imei,
                new SaleRequest(owner, null, 999_999L, null, null, CaptureChannel.HOTLINE, null, null))).field());
        assertEquals("channel", assertThrows(InvalidInputException.class, () -> f.sales.sell(f.admin, imei,
                new SaleRequest(owner, null, store, null, null, null, null, null))).field());
        assertEquals("accessories[1].type", assertThrows(InvalidInputException.class, () -> f.sales.sell(f.admin, imei,
                sale(null, List.of(new AccessoryData(AccessoryType.BATTERY, "1", null), new AccessoryData(AccessoryType.BATTERY, "2", null))))).field());
        assertEquals("imei", assertThrows(InvalidInputException.class, () -> f.sales.sell(f.admin, "490154203237519", sale(null, List.of()))).field());
        assertThrows(RecordNotFoundException.class, () -> f.sales.sell(f.admin, f.imei(), sale(null, List.of())));
        assertEquals(events, f.jpa.count("HS_EVENT"));
        assertEquals(cards, f.jpa.count("HS_SALE"));
        assertEquals(HandsetStatus.IN_STOCK, f.handsets.get(f.admin, imei).status());

        f.sales.sell(f.admin, imei, sale(null, List.of()));
        ConflictException again = assertThrows(ConflictException.class, () -> f.sales.sell(f.admin, imei, sale(null, List.of())));
        assertEquals("invalid_status", again.code());
        assertTrue(again.getMessage().contains("SOLD"), again.getMessage());
    }

    @Test
    void returnOnDaySevenIsAllowedAndOnDayEightRefusedUnlessHqOverrides() {
        String day7 = sold("LC-STD", HandsetOnTestKit.TODAY.minusDays(7));
        HandsetData returned = f.sales.returnUnit(f.admin, day7, new ReturnRequest(null, "屏幕有亮点", null));
        assertEquals(HandsetStatus.RETURNED, returned.status());
        assertNull(returned.ownerContactId());
        assertEquals(SaleStatus.RETURNED, returned.card().status());
        assertEquals(HandsetOnTestKit.TODAY, returned.card().closedOn());
        assertEquals(NoWarrantyReason.RETURNED, f.handsets.warranty(day7, null, null).reason());

        String day8 = sold("LC-STD", HandsetOnTestKit.TODAY.minusDays(8));
        ConflictException late = assertThrows(ConflictException.class, () -> f.sales.returnUnit(f.admin, day8, new ReturnRequest(null, null, null)));
        assertEquals("return_window_expired", late.code());
        assertEquals("date", late.field());
        assertTrue(late.getMessage().contains("within 7 days") && late.getMessage().contains("day 8"), late.getMessage());
        // the same unit, asked about an earlier day: day 7
        assertEquals(HandsetStatus.RETURNED, f.sales.returnUnit(f.admin, day8, new ReturnRequest(HandsetOnTestKit.TODAY.minusDays(1), null, null)).status());

        String late2 = sold("LC-STD", HandsetOnTestKit.TODAY.minusDays(30));
        CrmUser clerk = f.user("clerk", ScopeType.HQ, null, "handset.read", "handset.sale");
        assertThrows(AccessDeniedException.class, () -> f.sales.returnUnit(clerk, late2, new ReturnRequest(null, null, "goodwill")),
                "an override needs handset.override");
        assertEquals(HandsetStatus.SOLD, f.handsets.get(f.admin, late2).status());
        HandsetData overridden = f.sales.returnUnit(f.admin, late2, new ReturnRequest(null, null, "VIP customer, approved by the regional manager"));
        assertEquals(HandsetStatus.RETURNED, overridden.status());
        HistoryEntry last = f.handsets.history(f.admin, late2, PageRequest.of(null, null, null)).items().get(2);
        assertEquals(EventType.RETURNED, last.type());
        assertEquals(owner, last.previousContactId());
        assertTrue(last.overrideReason().contains("VIP customer") && last.overrideReason().contains("day 30"), last.overrideReason());
        assertTrue(f.kit.auditEntries().stream().anyMatch(a -> a.action().equals("return") && a.changes().contains("VIP customer")));

        assertEquals("date", assertThrows(InvalidInputException.class,
                () -> f.sales.returnUnit(f.admin, sold("LC-STD", HandsetOnTestKit.TODAY), new ReturnRequest(HandsetOnTestKit.TODAY.plusDays(1), null, null))).field());
    }

    @Test
    void exchangeOnDayFifteenRestartsTheWarrantyOnTheNewUnitAndDaySixteenIsRefused() {
        String old = f.register("LC-STD");
        f.sales.sell(f.admin, old, sale(HandsetOnTestKit.TODAY.minusDays(15), List.of(new AccessoryData(AccessoryType.BATTERY, "B-7", null))));
        String fresh = f.register("LC-STD");
        ExchangeResult r = f.sales.exchange(f.admin, old, new ExchangeRequest(fresh, null, "无法开机", null, null));
        assertEquals(HandsetStatus.EXCHANGED, r.returned().status());
        assertNull(r.returned().ownerContactId());
        assertEquals(SaleStatus.EXCHANGED, r.returned().card().status());
        assertEquals(HandsetStatus.SOLD, r.issued().status());
        assertEquals(owner, r.issued().ownerContactId());
        assertEquals(store, r.issued().storeAccountId());
        assertEquals(HandsetOnTestKit.TODAY.minusDays(15), r.issued().saleDate(), "the windows stay anchored to the original sale");
        assertEquals(HandsetOnTestKit.TODAY, r.issued().warrantyStart(), "the warranty starts again on the exchange day");
        assertEquals(HandsetOnTestKit.TODAY.plusMonths(12), r.issued().warrantyUntil());
        assertEquals(r.returned().card().id(), r.issued().card().previousSaleId());
        assertEquals(List.of(new AccessoryData(AccessoryType.BATTERY, "B-7", HandsetOnTestKit.TODAY.plusMonths(6))), r.issued().card().accessories(),
                "accessories carried over with a fresh warranty");
        assertEquals(NoWarrantyReason.EXCHANGED, f.handsets.warranty(old, null, null).reason());
        assertTrue(f.handsets.warranty(fresh, null, null).inWarranty());
        HistoryEntry out = f.handsets.history(f.admin, old, PageRequest.of(null, null, null)).items().get(2);
        assertEquals(EventType.EXCHANGED_OUT, out.type());
        assertEquals(fresh, out.relatedImei());
        HistoryEntry in = f.handsets.history(f.admin, fresh, PageRequest.of(null, null, null)).items().get(1);
        assertEquals(EventType.EXCHANGED_IN, in.type());
        assertEquals(old, in.relatedImei());

        String day16 = sold("LC-STD", HandsetOnTestKit.TODAY.minusDays(16));
        String spare = f.register("LC-STD");
        ConflictException late = assertThrows(ConflictException.class, () -> f.sales.exchange(f.admin, day16, new ExchangeRequest(spare, null, null, null, null)));
        assertEquals("exchange_window_expired", late.code());
        assertTrue(late.getMessage().contains("within 15 days") && late.getMessage().contains("day 16"), late.getMessage());
        assertEquals(HandsetStatus.IN_STOCK, f.handsets.get(f.admin, spare).status(), "nothing written");

        // another model only with an override; the new unit gets that model's warranty
        String other = f.register("LC-LONG");
        String recent = sold("LC-STD", HandsetOnTestKit.TODAY.minusDays(3));
        ConflictException mismatch = assertThrows(ConflictException.class, () -> f.sales.exchange(f.admin, recent, new ExchangeRequest(other, null, null, null, null)));
        assertEquals("model_mismatch", mismatch.code());
        assertEquals("newImei", mismatch.field());
        ExchangeResult upgraded = f.sales.exchange(f.admin, recent, new ExchangeRequest(other, null, null, "LC-STD out of stock", List.of()));
        assertEquals(HandsetOnTestKit.TODAY.plusMonths(24), upgraded.issued().warrantyUntil());
        assertEquals(List.of(), upgraded.issued().card().accessories());

        // the new unit must be in stock
        String a = sold("LC-STD", HandsetOnTestKit.TODAY);
        String b = sold("LC-STD", HandsetOnTestKit.TODAY);
        assertEquals("newImei", assertThrows(ConflictException.class, () -> f.sales.exchange(f.admin, a, new ExchangeRequest(b, null, null, null, null))).field());
        assertEquals("newImei", assertThrows(InvalidInputException.class, () -> f.sales.exchange(f.admin, a, new ExchangeRequest(f.imei(), null, null, null, null))).field());
    }

    @Test
    void aTransferMovesOwnershipAndKeepsThePreviousOwnerInHistory() {
        String imei = sold("LC-STD", HandsetOnTestKit.TODAY.minusDays(100));
        HandsetData moved = f.sales.transfer(f.admin, imei, new TransferRequest(secondOwner, "转赠家人"));
        assertEquals(secondOwner, moved.ownerContactId());
        assertEquals(secondOwner, moved.card().contactId());
        assertEquals(HandsetOnTestKit.TODAY.minusDays(100).plusMonths(12), moved.warrantyUntil(), "the warranty is the unit's, not the owner's");
        HistoryEntry e = f.handsets.history(f.admin, imei, PageRequest.of(null, null, null)).items().get(2);
        assertEquals(EventType.TRANSFERRED, e.type());
        assertEquals(owner, e.previousContactId());
        assertEquals(secondOwner, e.contactId());
        assertTrue(f.kit.timelineEntries().stream().anyMatch(t -> t.contactId() == owner && t.type().equals("HANDSET_TRANSFERRED") && imei.equals(t.refId())));
        assertTrue(f.kit.timelineEntries().stream().anyMatch(t -> t.contactId() == secondOwner && t.type().equals("HANDSET_TRANSFERRED") && imei.equals(t.refId())));
        assertEquals(1, f.handsets.forContact(f.admin, secondOwner, PageRequest.of(null, null, null)).items().stream()
                .filter(h -> h.imei().equals(imei)).count());
        assertEquals("contactId", assertThrows(InvalidInputException.class,
                () -> f.sales.transfer(f.admin, imei, new TransferRequest(secondOwner, null))).field(), "already the owner");
    }

    @Test
    void whenTheCoreMergesContactsTheUnitsAndCardsFollow() {
        long duplicate = f.kit.contact("王芳(重复)", "13800000099", store);
        String imei = f.register("LC-STD");
        f.sales.sell(f.admin, imei, new SaleRequest(duplicate, null, store, null, HandsetOnTestKit.TODAY, CaptureChannel.HOTLINE, null, null));
        new CoreEventsListener(f.jpa, f.auditTrail).contactMerged("admin", duplicate, owner);
        HandsetData h = f.handsets.get(f.admin, imei);
        assertEquals(owner, h.ownerContactId());
        assertEquals(owner, h.card().contactId());
        assertEquals(0, f.handsets.forContact(f.admin, duplicate, PageRequest.of(null, null, null)).total());
        assertTrue(f.kit.auditEntries().stream().anyMatch(a -> a.action().equals("owner-merged")));
    }

    @Test
    void registrationValidatesAndRefusesDuplicatesAcrossBothImeiColumns() {
        String a = f.imei();
        String a2 = f.imei();
        HandsetData dual = f.handsets.register(f.admin, new RegisterRequest(a, a2, "sn-dual-1", "lc-std", null, null));
        assertEquals("SN-DUAL-1", dual.serialNumber());
        assertEquals(a2, f.handsets.get(f.admin, a2).imei2(), "found by its second IMEI");
        assertEquals(a, f.handsets.get(f.admin, "SN-DUAL-1").imei(), "found by serial number");
        long units = f.jpa.count("HS_HANDSET");
        assertEquals("imei", assertThrows(ConflictException.class,
                () -> f.handsets.register(f.admin, new RegisterRequest(a2, null, "SN-OTHER-1", "LC-STD", null, null))).field(),
                "another unit's second IMEI");
        assertEquals("imei2", assertThrows(ConflictException.class,
                () -> f.handsets.register(f.admin, new RegisterRequest(f.imei(), a, "SN-OTHER-2", "LC-STD", null, null))).field());
        assertEquals("serialNumber", assertThrows(ConflictException.class,
                () -> f.handsets.register(f.admin, new RegisterRequest(f.imei(), null, "sn-dual-1", "LC-STD", null, null))).field());
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> f.handsets.register(f.admin, new RegisterRequest("490154203237519", null, "SN-BAD-1", "LC-STD", null, null)));
        assertEquals("imei", bad.field());
        assertTrue(bad.getMessage().contains("should be 8"), bad.getMessage());
        assertEquals("imei", assertThrows(InvalidInputException.class,
                () -> f.handsets.register(f.admin, new RegisterRequest("4901542032", null, "SN-BAD-2", "LC-STD", null, null))).field());
        assertEquals("modelCode", assertThrows(InvalidInputException.class,
                () -> f.handsets.register(f.admin, new RegisterRequest(f.imei(), null, "SN-BAD-3", "NO-SUCH", null, null))).field());
        assertEquals("imei2", assertThrows(InvalidInputException.class,
                () -> f.handsets.register(f.admin, new RegisterRequest(a, a, "SN-BAD-4", "LC-STD", null, null))).field());
        assertEquals(units, f.jpa.count("HS_HANDSET"), "nothing written");
        assertThrows(AccessDeniedException.class, () -> f.handsets.register(f.user("v", ScopeType.HQ, null, "handset.read"),
                new RegisterRequest(f.imei(), null, "SN-V-1", "LC-STD", null, null)));
    }

    @Test
    void statusChangesFollowTheRulesAndTheRepairApi() {
        String imei = sold("LC-STD", HandsetOnTestKit.TODAY.minusDays(40));
        HandsetRegistryImpl registry = new HandsetRegistryImpl(f.handsets, f.sales, f.jpa);
        assertEquals(HandsetStatus.IN_REPAIR, registry.markInRepair(f.admin, imei, "RO-1").status());
        assertTrue(f.handsets.warranty(imei, null, null).inWarranty(), "in repair, still in warranty");
        assertEquals("invalid_status", assertThrows(ConflictException.class, () -> registry.markInRepair(f.admin, imei, null)).code());
        assertEquals(HandsetStatus.SOLD, registry.repairCompleted(f.admin, imei, "RO-1 done").status());
        assertEquals(owner, registry.findByImei(imei).orElseThrow().ownerContactId());
        assertTrue(registry.findByImei(f.imei()).isEmpty());

        String back = sold("LC-STD", HandsetOnTestKit.TODAY);
        f.sales.returnUnit(f.admin, back, new ReturnRequest(null, null, null));
        HandsetData restocked = f.handsets.changeStatus(f.admin, back, new StatusRequest(HandsetStatus.IN_STOCK, "inspected"));
        assertEquals(HandsetStatus.IN_STOCK, restocked.status());
        assertNull(restocked.storeAccountId());
        assertNull(restocked.card());
        f.sales.sell(f.admin, back, sale(null, List.of())); // sold again with a new card
        assertEquals(2L, (long) f.jpa.txExpr(em -> em.createQuery("SELECT COUNT(s) FROM Sale s WHERE s.handsetId = :h", Long.class)
                .setParameter("h", restocked.id()).getSingleResult()));
        assertEquals("invalid_status", assertThrows(ConflictException.class,
                () -> f.handsets.changeStatus(f.admin, back, new StatusRequest(HandsetStatus.SCRAPPED, null))).code(), "a customer's unit");
        assertNotNull(f.handsets.get(f.admin, back).card());
        assertFalse(f.kit.postedEvents().isEmpty());
    }

    @Test
    void unitsSoldByModelCountsCustomerSalesInThePeriodOnce() {
        HandsetRegistryImpl registry = new HandsetRegistryImpl(f.handsets, f.sales, f.jpa);
        f.model("US-A", null, null);
        f.model("US-B", null, null);
        LocalDate day = HandsetOnTestKit.TODAY.minusDays(30);
        sold("US-A", day);
        sold("US-A", day.plusDays(1));
        String exchanged = sold("US-A", HandsetOnTestKit.TODAY);
        f.sales.exchange(f.admin, exchanged, new ExchangeRequest(f.register("US-A"), null, null, null, null));
        f.sales.returnUnit(f.admin, sold("US-B", HandsetOnTestKit.TODAY), new ReturnRequest(null, null, null));
        sold("US-B", day);
        f.register("US-B"); // never sold
        Map<String, Long> all = registry.unitsSoldByModel(null, null);
        assertEquals(3L, all.get("US-A"), "an exchange is not a second sale");
        assertEquals(1L, all.get("US-B"), "a returned sale does not count");
        assertEquals(Map.of("US-A", 1L, "US-B", 1L), filter(registry.unitsSoldByModel(day, day)));
        assertEquals(2L, registry.unitsSoldByModel(day.plusDays(1), null).get("US-A"));
        assertNull(registry.unitsSoldByModel(null, day.minusDays(1)).get("US-A"));
    }

    @Test
    void modelsAreListedByCodeOrNamePrefixAndFoundByCodeForOtherModules() {
        HandsetRegistryImpl registry = new HandsetRegistryImpl(f.handsets, f.sales, f.jpa);
        f.model("ML-A1", null, null);
        f.model("ML-B2", null, null);
        assertEquals(List.of("ML-A1", "ML-B2"), registry.models("ml-", 10).stream().map(m -> m.code()).toList(), "code prefix, case-insensitive");
        assertEquals(List.of("ML-A1"), registry.models("ML-", 1).stream().map(m -> m.code()).toList(), "at most limit");
        assertEquals(List.of("ML-B2"), registry.models("model ml-b", 10).stream().map(m -> m.code()).toList(), "name prefix");
        assertTrue(registry.models(null, 1000).stream().anyMatch(m -> m.code().equals("LC-STD")), "all when no prefix");
        assertEquals("Model ML-B2", registry.model("ml-b2").orElseThrow().name());
        assertTrue(registry.model("ML-NONE").isEmpty());
        assertTrue(registry.model(null).isEmpty());
    }

    private static Map<String, Long> filter(Map<String, Long> sold) {
        Map<String, Long> mine = new java.util.TreeMap<>(sold);
        mine.keySet().removeIf(code -> !code.startsWith("US-"));
        return mine;
    }
}
