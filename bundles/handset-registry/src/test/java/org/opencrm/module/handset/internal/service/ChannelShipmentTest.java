package org.opencrm.module.handset.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencrm.module.handset.api.HandsetChannelShipment;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.internal.dto.HistoryEntry;
import org.opencrm.module.handset.internal.dto.StatusRequest;
import org.opencrm.module.handset.internal.model.EventType;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.timeline.TimelineEntry;

/**
 * Units shipped to a channel partner (API 1.3, called by channel finance's shipment): the registry records the partner
 * holding each unit, on the unit, in its history and on the partner's timeline; exactly once however often the call is
 * repeated or its transaction retried, and nothing when the shipment's transaction rolls back.
 */
class ChannelShipmentTest {
    private final HandsetOnTestKit f = new HandsetOnTestKit();
    private final HandsetRegistryImpl registry = new HandsetRegistryImpl(f.handsets, f.sales, f.jpa);

    @AfterEach
    void close() {
        f.close();
    }

    private long shipmentEvents() {
        return f.jpa.txExpr(em -> em.createQuery("SELECT COUNT(e) FROM HandsetEvent e WHERE e.type = :t", Long.class)
                .setParameter("t", EventType.CHANNEL_SHIPPED).getSingleResult());
    }

    private List<TimelineEntry> partnerTimeline(long partner) {
        return f.kit.timelineEntries().stream().filter(e -> e.accountId() != null && e.accountId() == partner && "HANDSET_CHANNEL_SHIPPED".equals(e.type()))
                .toList();
    }

    @Test
    void theRegistryShowsWhichPartnerHoldsAUnitOnceHoweverOftenItIsTold() {
        f.model("CH-1", null, null);
        long partner = f.kit.account("华东一级代理", "PROVINCIAL_DISTRIBUTOR", "EAST", null);
        String a = f.register("CH-1");
        String b = f.register("CH-1");

        List<HandsetChannelShipment> shipped = registry.shippedToPartner(f.admin, partner, List.of(a, b), "SH-000007");
        assertEquals(List.of(a, b), shipped.stream().map(HandsetChannelShipment::imei).toList());
        assertTrue(shipped.stream().allMatch(s -> s.partnerAccountId() == partner && "SH-000007".equals(s.reference()) && "CH-1".equals(s.modelCode())));
        HandsetChannelShipment held = registry.channelShipment(a).orElseThrow();
        assertEquals(partner, held.partnerAccountId());
        assertEquals(HandsetStatus.IN_STOCK, registry.findByImei(a).orElseThrow().status(), "channel stock until sold");
        assertEquals(partner, f.handsets.get(f.admin, a).channelAccountId(), "shown on the unit");
        List<HistoryEntry> history = f.handsets.history(f.admin, a, PageRequest.of(null, 0, 50)).items();
        assertEquals(EventType.CHANNEL_SHIPPED, history.get(history.size() - 1).type());
        assertEquals("SH-000007", history.get(history.size() - 1).note());
        List<TimelineEntry> timeline = partnerTimeline(partner);
        assertEquals(1, timeline.size(), "one entry per shipment on the partner's account");
        assertEquals("SH-000007: 2 × Model CH-1", timeline.get(0).title());
        assertTrue(timeline.get(0).detail().contains(a) && timeline.get(0).detail().contains(b));

        // told again (a repeated call, a retried transaction after a lost answer): the same answer, nothing recorded twice
        assertEquals(shipped, registry.shippedToPartner(f.admin, partner, List.of(a, b), "SH-000007"));
        assertEquals(2, shipmentEvents());
        assertEquals(1, partnerTimeline(partner).size());
        assertTrue(registry.channelShipment(f.register("CH-1")).isEmpty(), "never shipped");
        assertTrue(registry.channelShipment(" ").isEmpty());
    }

    @Test
    void aRolledBackShipmentLeavesNothingAndItsRetryRecordsEachUnitOnce() {
        f.model("CH-2", null, null);
        long partner = f.kit.account("华南二级代理", "PROVINCIAL_DISTRIBUTOR", "SOUTH", null);
        String a = f.register("CH-2");
        // the shipment's transaction fails after the registry was told (e.g. a lost lock race): the registry's part rolls back with it
        assertThrows(IllegalStateException.class, () -> f.jpa.tx(em -> {
            registry.shippedToPartner(f.admin, partner, List.of(a), "SH-000008");
            throw new IllegalStateException("deadlock victim");
        }));
        assertTrue(registry.channelShipment(a).isEmpty());
        assertEquals(0, shipmentEvents());
        assertTrue(partnerTimeline(partner).isEmpty());
        // the retry
        f.jpa.tx(em -> registry.shippedToPartner(f.admin, partner, List.of(a), "SH-000008"));
        assertEquals(partner, registry.channelShipment(a).orElseThrow().partnerAccountId());
        assertEquals(1, shipmentEvents());
        assertEquals(1, partnerTimeline(partner).size());
    }

    @Test
    void aUnitHeldByAnotherPartnerSoldOrUnknownIsRefusedAndNothingOfTheCallIsRecorded() {
        f.model("CH-3", null, null);
        long east = f.kit.account("东区代理", "PROVINCIAL_DISTRIBUTOR", "EAST", null);
        long west = f.kit.account("西区代理", "PROVINCIAL_DISTRIBUTOR", "WEST", null);
        String a = f.register("CH-3");
        String b = f.register("CH-3");
        registry.shippedToPartner(f.admin, east, List.of(a), "SH-1");
        ConflictException other = assertThrows(ConflictException.class, () -> registry.shippedToPartner(f.admin, west, List.of(b, a), "SH-2"));
        assertEquals("held_by_other", other.code());
        assertEquals("handset.heldByOther", other.messageKey());
        assertTrue(registry.channelShipment(b).isEmpty(), "all or nothing: b is not recorded either");
        assertEquals(east, registry.channelShipment(a).orElseThrow().partnerAccountId());

        String scrapped = f.register("CH-3");
        f.handsets.changeStatus(f.admin, scrapped, new StatusRequest(HandsetStatus.SCRAPPED, "broken"));
        assertEquals("invalid_status", assertThrows(ConflictException.class, () -> registry.shippedToPartner(f.admin, west, List.of(scrapped), null)).code());
        assertThrows(RecordNotFoundException.class, () -> registry.shippedToPartner(f.admin, west, List.of(f.imei()), null));
        assertEquals(1, shipmentEvents());
        assertEquals(List.of(), registry.shippedToPartner(f.admin, west, List.of(), null));
    }
}
