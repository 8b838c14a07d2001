package org.opencrm.module.handset.internal.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.api.HandsetEvents;
import org.opencrm.module.handset.api.HandsetInfo;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.api.Imei;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.dto.HistoryEntry;
import org.opencrm.module.handset.internal.dto.RegisterRequest;
import org.opencrm.module.handset.internal.dto.SearchCriteria;
import org.opencrm.module.handset.internal.dto.StatusRequest;
import org.opencrm.module.handset.internal.model.Accessory;
import org.opencrm.module.handset.internal.model.EventType;
import org.opencrm.module.handset.internal.model.Handset;
import org.opencrm.module.handset.internal.model.HandsetEvent;
import org.opencrm.module.handset.internal.model.HandsetImei;
import org.opencrm.module.handset.internal.model.HandsetModel;
import org.opencrm.module.handset.internal.model.Sale;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.csv.Csv;
import org.opencrm.platform.api.customer.ContactRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEvent;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.CachedTotal;
import org.opencrm.platform.persistence.Queries;
import org.opencrm.platform.persistence.Schema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Units: registration, lookup, scoped search, history, status changes outside the sale flow (repair, restock, scrap),
 * CSV export and the warranty verdict. Sales, returns, exchanges and transfers are in {@link SaleService}.
 */
@Component(service = HandsetService.class)
public class HandsetService {
    static final String RECORD = "handset";
    public static final List<String> EXPORT_COLUMNS = List.of("id", "imei", "imei2", "serialNumber", "modelCode", "status", "ownerContactId",
            "storeAccountId", "saleDate", "warrantyStart", "warrantyUntil", "scrambleCode", "batch", "registeredAt");
    static final String NEWEST_INDEX = "HS_HANDSET_NEWEST";

    /** Started once the module's schema is at the latest version (the newest-first index). */
    @Reference
    private HandsetSchema schema;

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final CustomerDirectory customers;
    private final DataScopes scopes;
    private final WarrantyPolicy policy;
    private final CrmEventPublisher events;
    /** Total of the unfiltered list: Derby has no cheap row count (COUNT(*) scans an index of a million entries). */
    private final CachedTotal allUnits = new CachedTotal(60_000);
    /** Totals of big filtered lists (see BigTotals). */
    private final BigTotals bigTotals = new BigTotals(10_000, 60_000, 256);

    @Activate
    public HandsetService(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa, @Reference AuditTrail audit,
            @Reference CustomerDirectory customers, @Reference DataScopes scopes, @Reference WarrantyPolicy policy, @Reference CrmEventPublisher events) {
        this.jpa = jpa;
        this.audit = audit;
        this.customers = customers;
        this.scopes = scopes;
        this.policy = policy;
        this.events = events;
    }

    // ---------------------------------------------------------------- registration

    public HandsetData register(CrmUser user, RegisterRequest in) {
        user.require(HandsetModule.WRITE);
        if (in == null) {
            throw Units.missingBody();
        }
        Handset h = new Handset();
        h.imei = Fields.imei("imei", in.imei());
        h.imei2 = Fields.optionalImei("imei2", in.imei2());
        if (h.imei.equals(h.imei2)) {
            throw new InvalidInputException("imei2", "imei2 must differ from imei", "handset.imei2Same");
        }
        h.serialNumber = Fields.serial("serialNumber", in.serialNumber());
        String modelCode = Fields.modelCode("modelCode", in.modelCode());
        h.scrambleCode = Fields.optional("scrambleCode", in.scrambleCode(), 32);
        h.batch = Fields.optional("batch", in.batch(), 32);
        h.status = HandsetStatus.IN_STOCK;
        h.registeredAt = Instant.now();
        h.registeredBy = user.username();
        h.updatedAt = h.registeredAt;
        h.updatedBy = h.registeredBy;
        HandsetData out = jpa.txExpr(TransactionType.Required, em -> {
            HandsetModel model = ModelService.byCode(em, modelCode)
                    .orElseThrow(() -> new InvalidInputException("modelCode", "no model with code " + modelCode + " in the catalogue", "handset.noSuchModel", modelCode));
            h.modelId = model.id;
            checkUnique(em, h);
            em.persist(h);
            persistImei(em, h.imei, h.id, 1);
            if (h.imei2 != null) {
                persistImei(em, h.imei2, h.id, 2);
            }
            Units.event(em, h, EventType.REGISTERED, null, user.username(), h.batch == null ? null : "batch " + h.batch);
            Units.flushUnique(em, h.imei, h.imei2, h.serialNumber);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("imei", h.imei);
            changes.put("imei2", h.imei2);
            changes.put("serialNumber", h.serialNumber);
            changes.put("model", model.code);
            changes.put("scrambleCode", h.scrambleCode);
            changes.put("batch", h.batch);
            changes.put("status", h.status);
            audit.record(user.username(), RECORD, h.id.toString(), "register", changes);
            return Units.toData(h, model, null);
        });
        allUnits.add(1);
        events.post(List.of(CrmEvent.of(HandsetEvents.REGISTERED, user.username(), "id", out.id(), HandsetEvents.IMEI, out.imei(),
                HandsetEvents.STATUS, out.status().name())));
        return out;
    }

    private static void persistImei(EntityManager em, String imei, long handsetId, int slot) {
        HandsetImei x = new HandsetImei();
        x.imei = imei;
        x.handsetId = handsetId;
        x.slot = slot;
        em.persist(x);
    }

    /** Friendly 409s before the insert; the constraints still catch a concurrent duplicate at flush. */
    private static void checkUnique(EntityManager em, Handset h) {
        List<String> imeis = h.imei2 == null ? List.of(h.imei) : List.of(h.imei, h.imei2);
        for (HandsetImei taken : em.createQuery("SELECT x FROM HandsetImei x WHERE x.imei IN :i", HandsetImei.class).setParameter("i", imeis)
                .getResultList()) {
            String field = taken.imei.equals(h.imei) ? "imei" : "imei2";
            throw new ConflictException("duplicate", field, "IMEI " + taken.imei + " is already registered (handset " + taken.handsetId + ")", "handset.imeiRegistered", taken.imei);
        }
        if (Units.bySerial(em, h.serialNumber, false).isPresent()) {
            throw new ConflictException("duplicate", "serialNumber", "a handset with serial number " + h.serialNumber + " is already registered", "handset.serialRegistered", h.serialNumber);
        }
    }

    // ---------------------------------------------------------------- reading

    /** One unit by IMEI (either slot) or serial number, with its model and current card; 404 outside the caller's scope. */
    public HandsetData get(CrmUser user, String key) {
        user.require(HandsetModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Units.Read r = Units.readByKey(em, key).orElseThrow(() -> new RecordNotFoundException("handset", key));
            if (!Units.visible(scopes, user, r.handset())) {
                throw new RecordNotFoundException("handset", key);
            }
            return r.data();
        });
    }

    Handset visible(CrmUser user, EntityManager em, String key) {
        Handset h = Units.byKey(em, key, false).orElseThrow(() -> new RecordNotFoundException("handset", key));
        if (!Units.visible(scopes, user, h)) {
            throw new RecordNotFoundException("handset", key);
        }
        return h;
    }

    /**
     * The list: newest first, filtered, within the caller's data scope. {@code page.query()} is search-as-you-type:
     * digits search IMEI prefixes, anything else serial-number prefixes.
     */
    public Page<HandsetData> search(CrmUser user, SearchCriteria criteria, PageRequest page) {
        user.require(HandsetModule.READ);
        ScopeFilter scope = scopes.filter(user);
        Optional<Long> owner = owner(criteria);
        if (owner == null) {
            return new Page<>(List.of(), 0); // no contact has that mobile
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            Filter f = filter(em, scope, criteria, owner.orElse(null), page.query());
            List<Handset> rows;
            if (f.everything()) {
                rows = newestFirst(em, page);
            } else {
                // the ids first: a (filter, ID DESC) index covers that query, so Derby walks it in order; asked for whole
                // rows it estimated the row lookups dearer than a table scan and sorted 600,000 units of one owner (5 s)
                List<Long> ids = f.bind(em.createQuery("SELECT h.id FROM Handset h" + f.where + f.orderBy, Long.class))
                        .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
                rows = byIds(em, ids);
            }
            long total;
            if (page.offset() == 0 && rows.size() < page.limit()) {
                total = rows.size(); // the whole result is on this page: no need to count
            } else if (f.everything()) {
                total = allUnits.get(() -> em.createQuery("SELECT COUNT(h) FROM Handset h", Long.class).getSingleResult());
            } else {
                total = bigTotals.get(f.where + new java.util.TreeMap<>(f.params),
                        () -> f.bind(em.createQuery("SELECT COUNT(h) FROM Handset h" + f.where, Long.class)).getSingleResult());
            }
            return new Page<>(toData(em, rows), total);
        });
    }

    private static List<HandsetData> toData(EntityManager em, List<Handset> rows) {
        Map<Long, HandsetModel> models = Units.models(em, rows.stream().map(h -> h.modelId).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(h -> Units.toData(h, models.get(h.modelId), null)).toList();
    }

    /** The owner filter: empty for none, null when the owner's mobile matches no contact (nothing can match). */
    private Optional<Long> owner(SearchCriteria c) {
        if (c == null) {
            return Optional.empty();
        }
        Long owner = c.ownerContactId();
        if (c.ownerMobile() != null && !c.ownerMobile().isBlank()) {
            Optional<ContactRef> contact = customers.contactByMobile(Validation.mobile("ownerMobile", c.ownerMobile()));
            if (contact.isEmpty() || (owner != null && owner != contact.get().id())) {
                return null;
            }
            owner = contact.get().id();
        }
        return Optional.ofNullable(owner);
    }

    /**
     * A JPQL WHERE clause on the alias {@code h}, its parameters and the order: newest first, or by the searched column
     * for a prefix search (search-as-you-type), so that the page comes off an index in order instead of a sort.
     */
    private record Filter(String where, Map<String, Object> params, String orderBy, boolean everything) {
        <Q extends javax.persistence.Query> Q bind(Q query) {
            params.forEach(query::setParameter);
            return query;
        }
    }

    private static Filter filter(EntityManager em, ScopeFilter scope, SearchCriteria criteria, Long owner, String q) {
        SearchCriteria c = criteria == null ? SearchCriteria.NONE : criteria;
        StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(scope.jpql("h.storeAccountId"));
        Map<String, Object> params = new HashMap<>(scope.parameters());
        String orderBy = " ORDER BY h.id DESC";
        if (q != null) {
            String digits = Imei.normalise(q);
            if (digits.matches("\\d+")) {
                orderBy = addImei(where, params, digits) ? orderBy : " ORDER BY h.imei";
            } else {
                where.append(" AND h.serialNumber LIKE :qs ESCAPE '\\'");
                params.put("qs", Queries.escapeLike(q.toUpperCase(Locale.ROOT)) + "%");
                orderBy = " ORDER BY h.serialNumber";
            }
        }
        if (c.imei() != null && !c.imei().isBlank()) {
            String digits = Imei.normalise(c.imei());
            if (!digits.matches("\\d{1,15}")) {
                throw new InvalidInputException("imei", "'" + c.imei() + "' is not (the start of) an IMEI: digits only", "handset.imeiDigits", c.imei());
            }
            orderBy = addImei(where, params, digits) ? orderBy : " ORDER BY h.imei";
        }
        if (c.serial() != null && !c.serial().isBlank()) {
            where.append(" AND h.serialNumber LIKE :serial ESCAPE '\\'");
            params.put("serial", Queries.escapeLike(c.serial().strip().toUpperCase(Locale.ROOT)) + "%");
            orderBy = " ORDER BY h.serialNumber";
        }
        if (c.model() != null && !c.model().isBlank()) {
            HandsetModel m = ModelService.byCode(em, c.model())
                    .orElseThrow(() -> new InvalidInputException("model", "no model with code " + c.model().strip().toUpperCase(Locale.ROOT), "handset.noSuchModel", c.model().strip().toUpperCase(Locale.ROOT)));
            where.append(" AND h.modelId = :model");
            params.put("model", m.id);
        }
        if (c.status() != null) {
            where.append(" AND h.status = :status");
            params.put("status", c.status());
        }
        if (owner != null) {
            where.append(" AND h.ownerContactId = :owner");
            params.put("owner", owner);
        }
        return new Filter(where.toString(), params, orderBy, params.isEmpty() && scope.isUnrestricted());
    }

    /**
     * A full IMEI finds either slot through HS_IMEI's key (true: an exact match); a partial one is a prefix of the
     * first IMEI (false).
     */
    private static boolean addImei(StringBuilder where, Map<String, Object> params, String digits) {
        if (digits.length() == Imei.LENGTH) {
            where.append(" AND h.id IN (SELECT x.handsetId FROM HandsetImei x WHERE x.imei = :imeiExact)");
            params.put("imeiExact", digits);
            return true;
        }
        where.append(" AND h.imei LIKE :imeiPrefix");
        params.put("imeiPrefix", digits + "%");
        return false;
    }

    /**
     * One page of all units, newest first. Derby ignores OFFSET/FETCH when it plans and would sort the table for every
     * page; the ids come from a native query that walks the descending id index (a hint to Derby only), then the rows.
     */
    private static List<Handset> newestFirst(EntityManager em, PageRequest page) {
        javax.persistence.Query ids = em.createNativeQuery("SELECT ID FROM HS_HANDSET" + Schema.derbyHint(em, "index=" + NEWEST_INDEX)
                + "ORDER BY ID DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        ids.setParameter(1, page.offset());
        ids.setParameter(2, page.limit());
        return byIds(em, ((List<?>) ids.getResultList()).stream().map(o -> ((Number) o).longValue()).toList());
    }

    /** The units with these ids, in the order of the ids. */
    private static List<Handset> byIds(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Handset> byId = new HashMap<>();
        em.createQuery("SELECT h FROM Handset h WHERE h.id IN :ids", Handset.class).setParameter("ids", ids).getResultList()
                .forEach(h -> byId.put(h.id, h));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The handsets a contact owns now (the caller's scope applies, as everywhere). */
    public Page<HandsetData> forContact(CrmUser user, long contactId, PageRequest page) {
        user.require(HandsetModule.READ);
        if (!scopes.canSeeContact(user, contactId)) {
            throw new RecordNotFoundException("contact", contactId);
        }
        return search(user, SearchCriteria.owner(contactId), new PageRequest(null, page.offset(), page.limit()));
    }

    /** The unit's history, oldest first. */
    public Page<HistoryEntry> history(CrmUser user, String key, PageRequest page) {
        user.require(HandsetModule.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Handset h = visible(user, em, key);
            Page<HandsetEvent> events = Queries.page(
                    em.createQuery("SELECT e FROM HandsetEvent e WHERE e.handsetId = :h ORDER BY e.id", HandsetEvent.class).setParameter("h", h.id),
                    em.createQuery("SELECT COUNT(e) FROM HandsetEvent e WHERE e.handsetId = :h", Long.class).setParameter("h", h.id), page);
            Map<Long, String> related = new HashMap<>();
            for (HandsetEvent e : events.items()) {
                if (e.relatedHandsetId != null) {
                    related.computeIfAbsent(e.relatedHandsetId, id -> Optional.ofNullable(em.find(Handset.class, id)).map(x -> x.imei).orElse(null));
                }
            }
            return events.map(e -> new HistoryEntry(e.id, e.occurredAt, e.actor, e.type, e.fromStatus, e.toStatus, e.contactId,
                    e.previousContactId, e.saleId, e.relatedHandsetId, e.relatedHandsetId == null ? null : related.get(e.relatedHandsetId), e.note,
                    e.overrideReason));
        });
    }

    // ---------------------------------------------------------------- status changes outside the sale flow

    /** Restock, scrap, or move in and out of repair by hand (handset.write); see WarrantyRules for what is allowed. */
    public HandsetData changeStatus(CrmUser user, String imeiInput, StatusRequest in) {
        user.require(HandsetModule.WRITE);
        String imei = Fields.imei("imei", imeiInput);
        if (in == null) {
            throw Units.missingBody();
        }
        if (in.status() == null) {
            throw new InvalidInputException("status", "status is required", "handset.statusRequired");
        }
        String note = Fields.optional("note", in.note(), 500);
        return changeStatus(user, imei, in.status(), note, true, true).data;
    }

    private record Changed(HandsetData data, HandsetInfo info, HandsetStatus from) {
    }

    private Changed changeStatus(CrmUser user, String imei, HandsetStatus to, String note, boolean manual, boolean scoped) {
        Changed out = jpa.txExpr(TransactionType.Required, em -> {
            Handset h = Units.lockedByImei(em, imei);
            if (scoped && !Units.visible(scopes, user, h)) {
                throw new RecordNotFoundException("handset", imei);
            }
            HandsetStatus from = h.status;
            Long store = h.storeAccountId; // the store that sold it: whose entry this is (null: HQ's stock)
            boolean allowed = manual ? WarrantyRules.canChangeManually(from, to) : WarrantyRules.canChange(from, to);
            if (!allowed) {
                throw new ConflictException("invalid_status", "status", "handset " + h.imei + " cannot go from " + from + " to " + to
                        + (manual ? "; allowed from " + from + ": " + WarrantyRules.manualTargets(from) : ""), "handset.statusChange", h.imei, "status." + from, "status." + to);
            }
            h.status = to;
            if (to == HandsetStatus.IN_STOCK) {
                // back in stock (inspected or refurbished): the next sale issues a new card; the old ones stay in HS_SALE
                h.saleId = null;
                h.ownerContactId = null;
                h.storeAccountId = null;
                h.saleDate = null;
                h.warrantyStart = null;
                h.warrantyUntil = null;
            }
            Units.touch(h, user.username());
            Units.event(em, h, EventType.STATUS_CHANGED, from, user.username(), note);
            audit.record(user.username(), RECORD, h.id.toString(), "status", statusChanges(from, to, note), store);
            em.flush();
            return new Changed(Units.detail(em, h), Units.info(h, em.find(HandsetModel.class, h.modelId)), from);
        });
        events.post(List.of(CrmEvent.of(HandsetEvents.STATUS_CHANGED, user.username(), "id", out.info.id(), HandsetEvents.IMEI,
                out.info.imei(), HandsetEvents.STATUS, to.name(), HandsetEvents.PREVIOUS_STATUS, out.from.name(), HandsetEvents.CONTACT_ID, out.info.ownerContactId())));
        return out;
    }

    private static Map<String, Object> statusChanges(HandsetStatus from, HandsetStatus to, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", to);
        m.put("previousStatus", from);
        m.put("note", note);
        return m;
    }

    /** For the HandsetRegistry API: no permission or scope check here, the calling module checks its own. */
    HandsetInfo repairMove(CrmUser actor, String imeiInput, HandsetStatus to, String noteInput) {
        if (actor == null) {
            throw new IllegalArgumentException("actor is required");
        }
        String imei = Fields.imei("imei", imeiInput);
        String note = Fields.optional("note", noteInput, 500);
        return changeStatus(actor, imei, to, note, false, false).info;
    }

    Optional<HandsetInfo> info(String key, boolean serial) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Optional<Handset> h = serial ? Units.bySerial(em, key, false) : Units.byImei(em, Imei.normalise(key), false);
            return h.map(x -> Units.info(x, em.find(HandsetModel.class, x.modelId)));
        });
    }

    // ---------------------------------------------------------------- warranty

    /** The verdict for an IMEI on a day (null: today), for the handset or one accessory type. Not scoped. */
    public WarrantyCheck warranty(String imeiInput, LocalDate date, AccessoryType accessory) {
        String imei = Fields.imei("imei", imeiInput);
        LocalDate day = date == null ? policy.today() : date;
        return jpa.txExpr(TransactionType.Supports, em -> {
            Optional<Units.Read> found = Units.readByImei(em, imei);
            if (found.isEmpty()) {
                return new WarrantyCheck(imei, day, accessory, false, null, null, org.opencrm.module.handset.api.NoWarrantyReason.NOT_REGISTERED, null, null);
            }
            Handset h = found.get().handset();
            HandsetModel m = found.get().model();
            Sale s = found.get().sale();
            Map<AccessoryType, LocalDate> accessories = new EnumMap<>(AccessoryType.class);
            if (s != null && accessory != null) {
                for (Accessory a : found.get().accessories()) {
                    accessories.merge(a.type, a.warrantyUntil, (x, y) -> x.isAfter(y) ? x : y);
                }
            }
            return WarrantyRules.evaluate(imei, day, accessory, h.status, m == null ? null : m.code, s == null ? null : s.warrantyStart,
                    s == null ? null : s.warrantyUntil, accessories);
        });
    }

    // ---------------------------------------------------------------- export

    /** Streams the (scoped, filtered) units as CSV in id order, a thousand at a time, so memory stays flat. */
    public void exportCsv(CrmUser user, SearchCriteria criteria, String query, Writer out) {
        user.require(HandsetModule.READ);
        ScopeFilter scope = scopes.filter(user);
        Optional<Long> owner = owner(criteria);
        try {
            out.write('\uFEFF'); // Excel and WPS need the BOM to read UTF-8 correctly
            out.write(Csv.line(EXPORT_COLUMNS.toArray()));
            long lastId = Long.MIN_VALUE;
            while (owner != null) {
                long after = lastId;
                List<HandsetData> batch = jpa.txExpr(TransactionType.Supports, em -> {
                    Filter f = filter(em, scope, criteria, owner.orElse(null), query);
                    return toData(em, f.bind(em.createQuery("SELECT h FROM Handset h" + f.where + " AND h.id > :after ORDER BY h.id", Handset.class))
                            .setParameter("after", after).setMaxResults(1000).getResultList());
                });
                for (HandsetData h : batch) {
                    out.write(Csv.line(h.id(), h.imei(), h.imei2(), h.serialNumber(), h.modelCode(), h.status(), h.ownerContactId(),
                            h.storeAccountId(), h.saleDate(), h.warrantyStart(), h.warrantyUntil(), h.scrambleCode(), h.batch(), h.registeredAt()));
                }
                if (batch.size() < 1000) {
                    break;
                }
                lastId = batch.get(batch.size() - 1).id();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bulk loader added units behind JPA's back. */
    void unitsAdded(long count) {
        allUnits.add(count);
    }

    /**
     * Totals of filtered lists with many matches, kept for a while: Derby counts an index range at roughly a million
     * entries a second, so "status = SOLD" at a million units costs a second per page while the page itself takes
     * milliseconds. Totals below {@code exactBelow} are never cached (a contact's or a store's units are always exact);
     * big ones may lag behind by up to {@code maxAgeMillis}.
     */
    static final class BigTotals {
        private final long exactBelow;
        private final long maxAgeMillis;
        private final Map<String, long[]> totals;

        BigTotals(long exactBelow, long maxAgeMillis, int capacity) {
            this.exactBelow = exactBelow;
            this.maxAgeMillis = maxAgeMillis;
            this.totals = new java.util.LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                    return size() > capacity;
                }
            };
        }

        long get(String key, java.util.function.LongSupplier count) {
            long now = System.currentTimeMillis();
            synchronized (totals) {
                long[] cached = totals.get(key);
                if (cached != null && now - cached[1] <= maxAgeMillis) {
                    return cached[0];
                }
            }
            long total = count.getAsLong();
            if (total >= exactBelow) {
                synchronized (totals) {
                    totals.put(key, new long[] { total, now });
                }
            }
            return total;
        }
    }
}
