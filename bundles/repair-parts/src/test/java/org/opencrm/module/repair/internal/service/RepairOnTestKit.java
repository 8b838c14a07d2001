package org.opencrm.module.repair.internal.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.Diagnosis;
import org.opencrm.module.repair.internal.dto.NewRepairOrder;
import org.opencrm.module.repair.internal.dto.PartInput;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.StockInput;
import org.opencrm.module.repair.internal.dto.WarehouseData;
import org.opencrm.module.repair.internal.dto.WarehouseInput;
import org.opencrm.module.repair.internal.model.WarehouseKind;
import org.opencrm.module.repair.spi.DeviceRegistry;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.testing.InMemoryJpa;
import org.opencrm.platform.testkit.CrmTestKit;

/**
 * The module's services wired as DS wires them, on the test kit (the real core on an in-memory Derby shared with the
 * module's unit; service centres are SERVICE_PROVIDER accounts below head office), a clock the test moves, and a
 * handset registry the test may plug in or leave out.
 */
final class RepairOnTestKit implements AutoCloseable {
    static final ZoneId SHANGHAI = CrmTestKit.ZONE;
    static final Instant START = LocalDate.of(2025, 6, 2).atTime(9, 0).atZone(SHANGHAI).toInstant();

    final CrmTestKit kit = new CrmTestKit(START);
    final InMemoryJpa jpa = kit.jpa("crm-repair");
    final RepairSettings settings = new RepairSettings(RepairSettings.Terms.defaults(), kit.clock());
    final RepairContext ctx;
    final PartCatalogService parts;
    final StockService stock;
    final FaultCodeService faultCodes;
    final ServiceRequestService requests;
    final RepairOrderService orders;
    final ReplacementService replacements;
    final PartsOrderService partsOrders;
    final PartReturnService returns;
    final RepairAnalytics analytics;
    final CrmUser admin = CrmUser.SYSTEM;
    final long hq;
    final long centreA;
    final long centreB;
    final long customer;
    final WarehouseData hqWarehouse;
    private final AtomicLong serials = new AtomicLong(35_000_000_000_000L);
    private final AtomicLong mobiles = new AtomicLong(13_800_001_000L);

    RepairOnTestKit() {
        ctx = new RepairContext(jpa, kit.audit(), kit.timeline(), kit.directory(), kit.scopes(), settings);
        ctx.setEvents(kit.events());
        parts = new PartCatalogService(ctx);
        stock = new StockService(ctx, parts);
        faultCodes = new FaultCodeService(ctx);
        requests = new ServiceRequestService(ctx, stock);
        orders = new RepairOrderService(ctx, stock, requests, faultCodes, parts);
        replacements = new ReplacementService(ctx, stock, parts, orders);
        partsOrders = new PartsOrderService(ctx, stock, parts);
        returns = new PartReturnService(ctx, stock, parts);
        analytics = new RepairAnalytics(ctx);
        hq = kit.account("总部", "SERVICE_PROVIDER", "east", null);
        centreA = kit.account("服务中心 A", "SERVICE_PROVIDER", null, hq);
        centreB = kit.account("服务中心 B", "SERVICE_PROVIDER", null, hq);
        customer = contact("张伟", centreA);
        hqWarehouse = stock.createWarehouse(admin, new WarehouseInput("HQ-CENTRAL", "总部中心库", WarehouseKind.HQ, hq, null));
    }

    /** A contact of the account with a fresh mobile; its id. */
    long contact(String name, long account) {
        return kit.contact(name, Long.toString(mobiles.incrementAndGet()), account);
    }

    /** "recordType recordId action @accountId" of every audit entry: whose entry each one is (the data scope of the audit trail). */
    List<String> auditAccounts() {
        return kit.auditEntries().stream().map(e -> e.recordType() + " " + e.recordId() + " " + e.action() + " @" + e.accountId()).toList();
    }

    void advance(Duration d) {
        kit.clock().advance(d);
    }

    /** A user of a service centre's staff (PARTNER scope on the centre) or of HQ (centre null) with these permissions. */
    CrmUser user(String name, Long centre, String... permissions) {
        return centre == null ? kit.hq(name, permissions) : kit.partner(name, centre, permissions);
    }

    CrmUser clerk(long centre) {
        return user("clerk" + centre, centre, RepairModule.READ, RepairModule.WRITE);
    }

    String imei() {
        String body = Long.toString(serials.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = body.charAt(13 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    String part(String number, String... models) {
        parts.create(admin, new PartInput(number, "Part " + number, List.of(models), new BigDecimal("12.30"), new BigDecimal("45.60"), true, null));
        return number;
    }

    long centreWarehouse(long centre) {
        return stock.centreWarehouse(admin, centre).id();
    }

    void receipt(long warehouseId, String part, long quantity) {
        stock.receive(admin, new StockInput(warehouseId, part, quantity, "supplier delivery"));
    }

    /** A device received at the centre, the warranty stated by the clerk (no registry plugged in). */
    RepairOrderData order(long centre, boolean inWarranty) {
        return orders.receive(admin, new NewRepairOrder(null, customer, centre, imei(), null, "NOVA-5", "does not charge", inWarranty, null, "tech1", null, null, null));
    }

    RepairOrderData diagnosed(long centre, boolean inWarranty) {
        RepairOrderData o = order(centre, inWarranty);
        return orders.diagnose(admin, o.id(), new Diagnosis("F03", "charging port worn", null, null, null));
    }

    @Override
    public void close() {
        kit.close();
    }

    /** A handset registry in memory: units by IMEI with a status, the warranty verdict, units sold per model. */
    static final class FakeRegistry implements DeviceRegistry {
        final Map<String, Device> units = new ConcurrentHashMap<>();
        final Map<String, Boolean> warranty = new ConcurrentHashMap<>();
        final Map<String, Long> sold = new HashMap<>();

        void add(String imei, String model, boolean inWarranty) {
            units.put(imei, new Device(imei, "SN" + imei, model, "SOLD", null));
            warranty.put(imei, inWarranty);
        }

        String status(String imei) {
            return units.get(imei).status();
        }

        @Override
        public Optional<Device> find(String imei, String serialNumber) {
            return Optional.ofNullable(imei == null ? null : units.get(imei));
        }

        @Override
        public Warranty warranty(String imei, LocalDate date) {
            boolean in = warranty.getOrDefault(imei, false);
            return new Warranty(in, in ? null : "EXPIRED", null);
        }

        @Override
        public void markInRepair(CrmUser actor, String imei, String note) {
            set(imei, "SOLD", "IN_REPAIR");
        }

        @Override
        public void repairCompleted(CrmUser actor, String imei, String note) {
            set(imei, "IN_REPAIR", "SOLD");
        }

        private void set(String imei, String from, String to) {
            Device d = units.get(imei);
            if (d == null || !d.status().equals(from)) {
                throw new org.opencrm.platform.api.ConflictException("invalid_status", "status", imei + " is not " + from);
            }
            units.put(imei, new Device(d.imei(), d.serialNumber(), d.modelCode(), to, d.ownerContactId()));
        }

        @Override
        public Map<String, Long> unitsSoldByModel(LocalDate from, LocalDate to) {
            return Map.copyOf(sold);
        }
    }
}
