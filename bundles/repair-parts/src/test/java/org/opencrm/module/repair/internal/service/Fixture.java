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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.audit.AuditEntry;
import org.opencrm.platform.api.audit.AuditQuery;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.DataScope;
import org.opencrm.platform.api.security.ScopeType;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.testing.InMemoryJpa;

/**
 * The module's services wired as DS wires them, on an in-memory Derby, with a small in-memory core (an account tree
 * with the core's visibility rule, contacts), an audit trail, timeline and an event publisher that keep what they are
 * given, a clock the test moves, and a handset registry the test may plug in or leave out.
 */
final class Fixture implements AutoCloseable {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant START = LocalDate.of(2025, 6, 2).atTime(9, 0).atZone(SHANGHAI).toInstant();

    final InMemoryJpa jpa = new InMemoryJpa("crm-repair");
    final Core core = new Core();
    final List<String> audit = new CopyOnWriteArrayList<>();
    /** "recordType recordId action @accountId": whose entry each one is (the data scope of the audit trail). */
    final List<String> auditAccounts = new CopyOnWriteArrayList<>();
    final List<TimelineEntry> timeline = new CopyOnWriteArrayList<>();
    final List<CrmEvent> events = new CopyOnWriteArrayList<>();
    final AtomicReference<Instant> now = new AtomicReference<>(START);
    final RepairSettings settings = new RepairSettings(RepairSettings.Terms.defaults(), new BusinessClock() {
        @Override
        public ZoneId zone() {
            return SHANGHAI;
        }

        @Override
        public Instant now() {
            return now.get();
        }
    });
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

    Fixture() {
        ctx = new RepairContext(jpa, new Audit(), new Timeline(), core, core, settings);
        ctx.setEvents(events::add);
        parts = new PartCatalogService(ctx);
        stock = new StockService(ctx, parts);
        faultCodes = new FaultCodeService(ctx);
        requests = new ServiceRequestService(ctx, stock);
        orders = new RepairOrderService(ctx, stock, requests, faultCodes, parts);
        replacements = new ReplacementService(ctx, stock, parts, orders);
        partsOrders = new PartsOrderService(ctx, stock, parts);
        returns = new PartReturnService(ctx, stock, parts);
        analytics = new RepairAnalytics(ctx);
        hq = core.account("总部", null);
        centreA = core.account("服务中心 A", hq);
        centreB = core.account("服务中心 B", hq);
        customer = core.contact("张伟", centreA);
        hqWarehouse = stock.createWarehouse(admin, new WarehouseInput("HQ-CENTRAL", "总部中心库", WarehouseKind.HQ, hq, null));
    }

    void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    /** A user of a service centre's staff (PARTNER scope on the centre) or of HQ (centre null) with these permissions. */
    CrmUser user(String name, Long centre, String... permissions) {
        return new CrmUser(name, Set.of("test"), Set.of(permissions), centre == null ? DataScope.HQ : new DataScope(ScopeType.PARTNER, null, centre));
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
        return orders.receive(admin, new NewRepairOrder(null, customer, centre, imei(), null, "NOVA-5", "does not charge", inWarranty, null, "tech1"));
    }

    RepairOrderData diagnosed(long centre, boolean inWarranty) {
        RepairOrderData o = order(centre, inWarranty);
        return orders.diagnose(admin, o.id(), new Diagnosis("F03", "charging port worn", null, null, null));
    }

    @Override
    public void close() {
        jpa.close();
    }

    /** Accounts and contacts with the core's visibility rule (its DataScopes too): HQ sees all, others their account's subtree. */
    static final class Core implements CustomerDirectory, DataScopes {
        final Map<Long, AccountRef> accounts = new ConcurrentHashMap<>();
        final Map<Long, ContactRef> contacts = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(1000);

        long account(String name, Long parent) {
            long id = ids.incrementAndGet();
            accounts.put(id, new AccountRef(id, name, "SERVICE_PROVIDER", parent, "east"));
            return id;
        }

        long contact(String name, Long account) {
            long id = ids.incrementAndGet();
            contacts.put(id, new ContactRef(id, name, "138" + String.format("%08d", id), account));
            return id;
        }

        @Override
        public Optional<ContactRef> contact(long id) {
            return Optional.ofNullable(contacts.get(id));
        }

        @Override
        public Optional<ContactRef> contactByMobile(String mobile) {
            return contacts.values().stream().filter(c -> c.mobile().equals(mobile)).findFirst();
        }

        @Override
        public Optional<AccountRef> account(long id) {
            return Optional.ofNullable(accounts.get(id));
        }

        @Override
        public boolean canSeeContact(CrmUser user, long contactId) {
            ContactRef c = contacts.get(contactId);
            return c != null && (user.scope().isUnrestricted() || (c.accountId() != null && canSeeAccount(user, c.accountId())));
        }

        @Override
        public ContactRef createContact(CrmUser user, String name, String mobile, Long accountId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean canSee(CrmUser user, Long accountId) {
            return user.scope().isUnrestricted() || (accountId != null && canSeeAccount(user, accountId));
        }

        /** Lists name the visible accounts, as the core does for a small scope. */
        @Override
        public ScopeFilter filter(CrmUser user) {
            return user.scope().isUnrestricted() ? ScopeFilter.unrestricted()
                    : ScopeFilter.accounts(accounts.keySet().stream().filter(id -> canSeeAccount(user, id)).sorted().toList());
        }

        @Override
        public boolean canSeeAccount(CrmUser user, long accountId) {
            if (user.scope().isUnrestricted()) {
                return true;
            }
            for (Long id = accountId; id != null; id = accounts.containsKey(id) ? accounts.get(id).parentId() : null) {
                if (id.equals(user.scope().accountId())) {
                    return true;
                }
            }
            return false;
        }
    }

    private final class Audit implements AuditTrail {
        @Override
        public void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes) {
            record(actor, recordType, recordId, action, changes, null);
        }

        @Override
        public void record(String actor, String recordType, String recordId, String action, Map<String, ?> changes, Long accountId) {
            audit.add(actor + " " + recordType + " " + recordId + " " + action);
            auditAccounts.add(recordType + " " + recordId + " " + action + " @" + accountId);
        }

        @Override
        public Page<AuditEntry> forRecord(CrmUser user, String recordType, String recordId, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<AuditEntry> search(CrmUser user, AuditQuery query, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<AuditEntry> forRecord(String recordType, String recordId, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<AuditEntry> search(AuditQuery query, int offset, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    private final class Timeline implements TimelineService {
        @Override
        public TimelineEntry record(TimelineEntry entry) {
            timeline.add(entry);
            return entry;
        }

        @Override
        public Page<TimelineEntry> forContact(long contactId, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<TimelineEntry> forAccount(long accountId, int offset, int limit) {
            throw new UnsupportedOperationException();
        }
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
