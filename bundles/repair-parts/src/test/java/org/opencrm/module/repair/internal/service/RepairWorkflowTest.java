package org.opencrm.module.repair.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.Diagnosis;
import org.opencrm.module.repair.internal.dto.NewRepairOrder;
import org.opencrm.module.repair.internal.dto.NewServiceRequest;
import org.opencrm.module.repair.internal.dto.QuoteDecision;
import org.opencrm.module.repair.internal.dto.QuoteInput;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.RepairOrderSearch;
import org.opencrm.module.repair.internal.dto.ServiceRequestData;
import org.opencrm.module.repair.internal.dto.StatusChange;
import org.opencrm.module.repair.internal.model.RepairStatus;
import org.opencrm.module.repair.internal.model.RequestChannel;
import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.security.CrmUser;

/** Repair orders through their steps, the quote, the registry present and absent, data scopes. */
class RepairWorkflowTest {
    private static RepairOnTestKit f;

    @BeforeAll
    static void setUp() {
        f = new RepairOnTestKit();
        f.part("LCD-N5", "NOVA-5");
    }

    @AfterAll
    static void tearDown() {
        f.close();
    }

    /** An order brought to {@code target} along the allowed path (out of warranty: quote accepted on the way). */
    private static RepairOrderData at(RepairStatus target) {
        RepairOrderData o = f.order(f.centreA, false);
        if (target == RepairStatus.RECEIVED) {
            return o;
        }
        if (target == RepairStatus.CANCELLED) {
            return move(o, RepairStatus.CANCELLED);
        }
        o = f.orders.diagnose(f.admin, o.id(), new Diagnosis("F02", "cracked", "LCD-N5", null, null));
        if (target == RepairStatus.DIAGNOSED) {
            return o;
        }
        f.orders.quote(f.admin, o.id(), new QuoteInput(new BigDecimal("45.60"), new BigDecimal("30")));
        o = f.orders.decideQuote(f.admin, o.id(), new QuoteDecision(true, null));
        for (RepairStatus s : List.of(RepairStatus.WAITING_FOR_PARTS, RepairStatus.REPAIRING, RepairStatus.QUALITY_CHECK, RepairStatus.READY,
                RepairStatus.RETURNED)) {
            o = move(o, s);
            if (s == target) {
                return o;
            }
        }
        throw new AssertionError(target);
    }

    private static RepairOrderData move(RepairOrderData o, RepairStatus s) {
        return f.orders.move(f.admin, o.id(), new StatusChange(s, null));
    }

    @Test
    void auditEntriesBelongToTheOrdersCentre() {
        RepairOrderData o = f.order(f.centreB, false);
        f.orders.diagnose(f.admin, o.id(), new Diagnosis("F02", "cracked", "LCD-N5", null, null));
        // the receipt, the diagnosis and the centre's new warehouse: all the centre's, so its staff and HQ read them
        assertTrue(f.auditAccounts().contains(Records.REPAIR_ORDER + " " + o.id() + " receive @" + f.centreB), f.auditAccounts().toString());
        assertTrue(f.auditAccounts().stream().anyMatch(a -> a.startsWith(Records.REPAIR_ORDER + " " + o.id() + " ") && a.contains("diagnos")
                && a.endsWith(" @" + f.centreB)), f.auditAccounts().toString());
        assertFalse(f.auditAccounts().stream().anyMatch(a -> a.startsWith(Records.REPAIR_ORDER + " " + o.id() + " ") && !a.endsWith(" @" + f.centreB)),
                f.auditAccounts().toString());
    }

    @Test
    void repairOrdersAreWhatRefersToTheCustomer() {
        RepairContactReferences refs = new RepairContactReferences(f.ctx);
        f.order(f.centreA, false);
        var found = refs.referencesTo(f.customer, java.util.Locale.ENGLISH);
        assertTrue(found.stream().anyMatch(r -> r.kind().equals("repair.order") && r.description().contains("repair order")), found.toString());
        assertTrue(refs.referencesTo(f.customer, java.util.Locale.SIMPLIFIED_CHINESE).stream().anyMatch(r -> r.description().contains("维修单")));
        assertEquals(java.util.Set.of(f.customer), refs.referencedAmong(List.of(f.customer, f.customer + 1000)));
    }

    @Test
    void everyIllegalTransitionIsRefusedAndChangesNothing() {
        int refused = 0;
        for (RepairStatus from : RepairStatus.values()) {
            RepairOrderData o = at(from);
            assertEquals(from.name(), o.status());
            for (RepairStatus to : RepairStatus.values()) {
                if (from.canMoveTo(to) && to != RepairStatus.DIAGNOSED) {
                    continue;
                }
                long steps = f.jpa.count("RP_ORDER_STEP");
                CrmException e = assertThrows(CrmException.class, () -> move(o, to), from + " -> " + to);
                assertTrue(e instanceof ConflictException || e instanceof InvalidInputException, from + " -> " + to + ": " + e);
                assertTrue(List.of("status", "faultCode").contains(e.field()), e.field());
                RepairOrderData after = f.orders.get(f.admin, o.id());
                assertEquals(from.name(), after.status(), "unchanged");
                assertEquals(o.version(), after.version());
                assertEquals(steps, f.jpa.count("RP_ORDER_STEP"), "no step written");
                refused++;
            }
        }
        assertTrue(refused >= 50, "refused " + refused);
        // the one allowed path stamped every step with time and user
        RepairOrderData done = f.orders.get(f.admin, at(RepairStatus.RETURNED).id());
        assertEquals(List.of("RECEIVED", "DIAGNOSED", "WAITING_FOR_PARTS", "REPAIRING", "QUALITY_CHECK", "READY", "RETURNED"),
                done.steps().stream().map(s -> s.status()).toList());
        assertTrue(done.steps().stream().allMatch(s -> s.at() != null && "system".equals(s.actor())));
        assertTrue(done.nextStatuses().isEmpty());
    }

    @Test
    void theStatusTableIsTheDocumentedOne() {
        assertEquals(EnumSet.of(RepairStatus.DIAGNOSED, RepairStatus.CANCELLED), RepairStatus.RECEIVED.next());
        assertEquals(EnumSet.of(RepairStatus.RETURNED), RepairStatus.READY.next());
        assertEquals(EnumSet.of(RepairStatus.READY, RepairStatus.REPAIRING), RepairStatus.QUALITY_CHECK.next());
        assertTrue(RepairStatus.RETURNED.next().isEmpty() && RepairStatus.CANCELLED.next().isEmpty());
        assertFalse(RepairStatus.REPAIRING.canMoveTo(RepairStatus.CANCELLED), "parts may be fitted: no cancelling mid-repair");
    }

    @Test
    void outOfWarrantyWorkNeedsAnAcceptedQuoteInExactMoney() {
        RepairOrderData o = f.diagnosed(f.centreA, false);
        assertEquals("quote_required", assertThrows(ConflictException.class, () -> move(o, RepairStatus.REPAIRING)).code());
        assertEquals("parts", assertThrows(InvalidInputException.class,
                () -> f.orders.quote(f.admin, o.id(), new QuoteInput(new BigDecimal("1.001"), BigDecimal.ONE))).field());
        assertEquals("labour", assertThrows(InvalidInputException.class,
                () -> f.orders.quote(f.admin, o.id(), new QuoteInput(BigDecimal.ONE, new BigDecimal("-1")))).field());
        assertEquals("labour", assertThrows(InvalidInputException.class, () -> f.orders.quote(f.admin, o.id(), new QuoteInput(BigDecimal.ONE, null))).field());
        assertEquals("NONE", f.orders.get(f.admin, o.id()).quote().status(), "nothing written");
        RepairOrderData quoted = f.orders.quote(f.admin, o.id(), new QuoteInput(new BigDecimal("0.10"), new BigDecimal("0.20")));
        assertEquals(0, new BigDecimal("0.30").compareTo(quoted.quote().total()), "exact: 0.1 + 0.2");
        assertEquals("PENDING", quoted.quote().status());
        assertEquals("quote_required", assertThrows(ConflictException.class, () -> move(o, RepairStatus.WAITING_FOR_PARTS)).code());
        RepairOrderData declined = f.orders.decideQuote(f.admin, o.id(), new QuoteDecision(false, "too expensive"));
        assertEquals("DECLINED", declined.quote().status());
        assertEquals("invalid_status", assertThrows(ConflictException.class, () -> f.orders.decideQuote(f.admin, o.id(), new QuoteDecision(true, null))).code());
        f.orders.quote(f.admin, o.id(), new QuoteInput(new BigDecimal("20"), new BigDecimal("10")));
        f.orders.decideQuote(f.admin, o.id(), new QuoteDecision(true, null));
        assertEquals("REPAIRING", move(o, RepairStatus.REPAIRING).status());
        assertEquals("invalid_status", assertThrows(ConflictException.class,
                () -> f.orders.quote(f.admin, o.id(), new QuoteInput(BigDecimal.ONE, BigDecimal.ONE))).code(), "no quote after the work started");
        assertTrue(f.kit.timelineEntries().stream().anyMatch(t -> t.type().equals("REPAIR_QUOTE_ACCEPTED") && t.contactId() == f.customer));

        RepairOrderData free = f.diagnosed(f.centreA, true);
        assertEquals("in_warranty", assertThrows(ConflictException.class,
                () -> f.orders.quote(f.admin, free.id(), new QuoteInput(BigDecimal.ONE, BigDecimal.ONE))).code());
        assertEquals("REPAIRING", move(free, RepairStatus.REPAIRING).status(), "in warranty: no quote needed");
    }

    @Test
    void receiptValidatesAndWithoutTheRegistryTheClerkStatesTheWarranty() {
        long orders = f.jpa.count("RP_REPAIR_ORDER");
        assertEquals("inWarranty", assertThrows(InvalidInputException.class, () -> f.orders.receive(f.admin,
                new NewRepairOrder(null, f.customer, f.centreA, f.imei(), null, null, "no power", null, null, null, null, null, null))).field());
        assertEquals("symptom", assertThrows(InvalidInputException.class, () -> f.orders.receive(f.admin,
                new NewRepairOrder(null, f.customer, f.centreA, f.imei(), null, null, " ", true, null, null, null, null, null))).field());
        assertEquals("imei", assertThrows(InvalidInputException.class, () -> f.orders.receive(f.admin,
                new NewRepairOrder(null, f.customer, f.centreA, "12345", null, null, "x", true, null, null, null, null, null))).field());
        assertEquals("contactId", assertThrows(InvalidInputException.class, () -> f.orders.receive(f.admin,
                new NewRepairOrder(null, 999_999L, f.centreA, f.imei(), null, null, "x", true, null, null, null, null, null))).field());
        assertEquals("centreAccountId", assertThrows(InvalidInputException.class, () -> f.orders.receive(f.admin,
                new NewRepairOrder(null, f.customer, null, f.imei(), null, null, "x", true, null, null, null, null, null))).field());
        assertEquals("faultCode", assertThrows(InvalidInputException.class,
                () -> f.orders.diagnose(f.admin, f.order(f.centreA, true).id(), new Diagnosis("NOPE", null, null, null, null))).field());
        assertEquals(orders + 1, f.jpa.count("RP_REPAIR_ORDER"), "only the valid one was written");
        RepairOrderData o = f.order(f.centreA, true);
        assertEquals("CLERK", o.warrantySource());
        assertTrue(o.inWarranty());
        assertFalse(f.orders.registryPresent());
    }

    @Test
    void withTheRegistryTheWarrantyComesFromItAndTheUnitGoesInRepairAndBack() {
        RepairOnTestKit.FakeRegistry registry = new RepairOnTestKit.FakeRegistry();
        String inWarranty = f.imei();
        String expired = f.imei();
        registry.add(inWarranty, "NOVA-5", true);
        registry.add(expired, "NOVA-5", false);
        f.orders.setDevices(registry);
        try {
            assertTrue(f.orders.registryPresent());
            // the clerk's statement is ignored when the registry knows the unit
            RepairOrderData a = f.orders.receive(f.admin, new NewRepairOrder(null, f.customer, f.centreA, inWarranty, null, null, "no sound", false, null, null, null, null, null));
            assertTrue(a.inWarranty());
            assertEquals("REGISTRY", a.warrantySource());
            assertEquals("NOVA-5", a.modelCode());
            assertEquals("IN_REPAIR", registry.status(inWarranty));
            assertEquals("in_repair", assertThrows(ConflictException.class, () -> f.orders.receive(f.admin,
                    new NewRepairOrder(null, f.customer, f.centreA, inWarranty, null, null, "again", null, null, null, null, null, null))).code());
            RepairOrderData b = f.orders.receive(f.admin, new NewRepairOrder(null, f.customer, f.centreA, expired, null, null, "cracked", null, null, null, null, null, null));
            assertFalse(b.inWarranty());
            assertEquals("EXPIRED", b.warrantyNote());
            // an unknown device: the clerk states it
            assertEquals("inWarranty", assertThrows(InvalidInputException.class, () -> f.orders.receive(f.admin,
                    new NewRepairOrder(null, f.customer, f.centreA, f.imei(), null, null, "x", null, null, null, null, null, null))).field());

            f.orders.diagnose(f.admin, a.id(), new Diagnosis("F04", null, null, null, null));
            for (RepairStatus s : List.of(RepairStatus.REPAIRING, RepairStatus.QUALITY_CHECK, RepairStatus.READY)) {
                move(a, s);
            }
            assertEquals("IN_REPAIR", registry.status(inWarranty));
            move(a, RepairStatus.RETURNED);
            assertEquals("SOLD", registry.status(inWarranty), "back with its owner");
            move(b, RepairStatus.CANCELLED);
            assertEquals("SOLD", registry.status(expired), "a cancelled order gives the unit back too");
        } finally {
            f.orders.setDevices(null);
        }
    }

    @Test
    void aServiceRequestIsDueByItsChannelsSlaEscalatesWhenOverdueAndClosesWithItsRepair() {
        ServiceRequestData hotline = f.requests.create(f.admin, new NewServiceRequest(RequestChannel.HOTLINE, f.customer, null, null, null, "screen dark",
                f.centreA, null));
        ServiceRequestData store = f.requests.create(f.admin, new NewServiceRequest(RequestChannel.STORE, f.customer, null, null, null, "battery", f.centreA,
                "agent7"));
        assertEquals(RepairOnTestKit.START.plusSeconds(48 * 3600), hotline.dueAt());
        assertEquals(RepairOnTestKit.START.plusSeconds(24 * 3600), store.dueAt());
        assertEquals("system", hotline.owner());
        assertEquals("agent7", store.owner());
        assertEquals("channel", assertThrows(InvalidInputException.class, () -> f.requests.create(f.admin, new NewServiceRequest(null, f.customer, null,
                null, null, "x", null, null))).field());
        assertEquals(0, f.requests.escalateOverdue(), "nothing overdue yet");

        f.advance(java.time.Duration.ofHours(25));
        assertTrue(f.requests.get(f.admin, store.id()).overdue());
        assertEquals(1, f.requests.escalateOverdue());
        assertEquals(0, f.requests.escalateOverdue(), "once per level");
        ServiceRequestData escalated = f.requests.get(f.admin, store.id());
        assertEquals(1, escalated.escalationLevel());
        // the queue: overdue (earliest due) first
        List<ServiceRequestData> queue = f.requests.search(f.admin, null, PageRequest.of(null, 0, 500)).items();
        assertEquals(store.id(), queue.get(0).id());

        // the store request goes into repair and closes with it; the hotline one is not escalated once closed
        RepairOrderData o = f.orders.receive(f.admin, new NewRepairOrder(store.id(), null, f.centreA, f.imei(), null, null, "battery swells", true, null, null, null, null, null));
        assertEquals(f.customer, o.contactId(), "the contact comes from the request");
        assertEquals("IN_REPAIR", f.requests.get(f.admin, store.id()).status());
        assertEquals("invalid_status", assertThrows(ConflictException.class, () -> f.orders.receive(f.admin,
                new NewRepairOrder(store.id(), null, f.centreA, f.imei(), null, null, "again", true, null, null, null, null, null))).code());
        f.requests.close(f.admin, hotline.id(), new org.opencrm.module.repair.internal.dto.NoteInput("advice on the phone"));
        f.advance(java.time.Duration.ofHours(48));
        assertEquals(1, f.requests.escalateOverdue(), "only the store request, level 2");
        assertEquals(2, f.requests.get(f.admin, store.id()).escalationLevel());
        move(o, RepairStatus.CANCELLED);
        assertEquals("CLOSED", f.requests.get(f.admin, store.id()).status());
        assertTrue(f.kit.postedEvents().stream().anyMatch(e -> e.topic().equals("crm/repair/SERVICE_REQUEST_ESCALATED")));
        assertTrue(f.kit.timelineEntries().stream().anyMatch(t -> t.type().equals("SERVICE_REQUEST_OPENED")));
        assertThrows(AccessDeniedException.class, () -> f.requests.escalateOverdue(f.clerk(f.centreA)));
    }

    @Test
    void aCentreSeesOnlyItsOwnOrdersAndCannotActForAnother() {
        RepairOrderData mine = f.order(f.centreA, true);
        RepairOrderData theirs = f.order(f.centreB, true);
        CrmUser clerkA = f.clerk(f.centreA);
        List<Long> seen = f.orders.search(clerkA, null, PageRequest.of(null, 0, 500)).items().stream().map(RepairOrderData::id).toList();
        assertTrue(seen.contains(mine.id()));
        assertFalse(seen.contains(theirs.id()));
        assertTrue(f.orders.search(clerkA, null, PageRequest.of(null, 0, 500)).items().stream().allMatch(o -> o.centreAccountId() == f.centreA));
        assertThrows(RecordNotFoundException.class, () -> f.orders.get(clerkA, theirs.id()));
        assertThrows(RecordNotFoundException.class, () -> f.orders.move(clerkA, theirs.id(), new StatusChange(RepairStatus.CANCELLED, null)));
        assertThrows(AccessDeniedException.class, () -> f.orders.receive(clerkA,
                new NewRepairOrder(null, f.customer, f.centreB, f.imei(), null, null, "x", true, null, null, null, null, null)));
        assertEquals(1, f.orders.search(f.admin, new RepairOrderSearch(null, null, f.centreB, null, null, null), PageRequest.of(null, 0, 500)).items()
                .stream().filter(o -> o.id() == theirs.id()).count(), "HQ sees all");
        CrmUser reader = f.user("reader", null, RepairModule.READ);
        assertThrows(AccessDeniedException.class, () -> f.orders.move(reader, mine.id(), new StatusChange(RepairStatus.CANCELLED, null)));
        assertEquals("RECEIVED", f.orders.get(f.admin, mine.id()).status());
    }

    @Test
    void damageOrLiquidFoundAtTheCounterVoidsTheWarranty() {
        RepairOrderData cracked = f.orders.receive(f.admin, new NewRepairOrder(null, f.customer, f.centreA, f.imei(), null, null, "screen cracked", true, null, null,
                true, false, "case"));
        assertFalse(cracked.inWarranty());
        assertEquals("CONDITION", cracked.warrantySource());
        assertTrue(cracked.physicalDamage());
        assertEquals("case", cracked.accessories());
        RepairOrderData clean = f.orders.receive(f.admin, new NewRepairOrder(null, f.customer, f.centreA, f.imei(), null, null, "no sound", true, null, null,
                false, false, null));
        assertTrue(clean.inWarranty());
        assertEquals("CLERK", clean.warrantySource());
    }

    @Test
    void aMergedContactsRepairsFollowItAndTheWholeListKeepsItsTotal() {
        long other = f.contact("李娜", f.centreA);
        RepairOrderData o = f.orders.receive(f.admin, new NewRepairOrder(null, other, f.centreA, f.imei(), null, null, "no signal", true, null, null, null, null, null));
        long before = f.orders.search(f.admin, null, PageRequest.of(null, 0, 1)).total();
        f.order(f.centreA, true);
        assertEquals(before + 1, f.orders.search(f.admin, null, PageRequest.of(null, 0, 1)).total(), "the cached total follows this node's receipts");
        assertEquals(1, new ContactMerges(f.ctx).merged(f.admin, other, f.customer));
        assertEquals(f.customer, f.orders.get(f.admin, o.id()).contactId());
        assertEquals(0, new ContactMerges(f.ctx).merged(f.admin, other, f.customer), "nothing left to move");
    }
}
