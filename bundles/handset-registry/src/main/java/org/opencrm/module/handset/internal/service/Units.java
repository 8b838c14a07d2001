package org.opencrm.module.handset.internal.service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.opencrm.module.handset.api.HandsetInfo;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.internal.dto.AccessoryData;
import org.opencrm.module.handset.internal.dto.CardData;
import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.model.Accessory;
import org.opencrm.module.handset.internal.model.EventType;
import org.opencrm.module.handset.internal.model.Handset;
import org.opencrm.module.handset.internal.model.HandsetEvent;
import org.opencrm.module.handset.internal.model.HandsetImei;
import org.opencrm.module.handset.internal.model.HandsetModel;
import org.opencrm.module.handset.internal.model.Sale;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.SqlFailure;

/** Lookups, locks, history rows and mapping of units, shared by the services inside their transactions. */
final class Units {
    private Units() {
    }

    /**
     * The unit with this IMEI in either slot: two single-row lookups on the unique IMEI and IMEI2 constraints (an OR
     * of both columns would make Derby scan the table). With {@code lock}, the row is locked for update until the
     * transaction ends, so that of two concurrent status changes the second waits and then sees the first's result.
     * Without, the unit's model comes in the same statement (it then sits in the EntityManager, so em.find of the model
     * costs no second round trip: the IMEI lookup is the hot path of every repair desk and of the benchmark).
     */
    static Optional<Handset> byImei(EntityManager em, String imei, boolean lock) {
        if (lock) {
            Optional<Handset> first = single(em.createQuery("SELECT h FROM Handset h WHERE h.imei = :i", Handset.class).setParameter("i", imei), true);
            return first.isPresent() ? first
                    : single(em.createQuery("SELECT h FROM Handset h WHERE h.imei2 = :i", Handset.class).setParameter("i", imei), true);
        }
        // either slot in one statement: HS_IMEI's primary key, then the unit and its model by their primary keys
        List<Object[]> rows = em.createQuery("SELECT h, m FROM HandsetImei x, Handset h, HandsetModel m WHERE x.imei = :i AND h.id = x.handsetId"
                + " AND m.id = h.modelId", Object[].class).setParameter("i", imei).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Handset) rows.get(0)[0]);
    }

    private static Optional<Handset> withModel(EntityManager em, String column, String value) {
        List<Object[]> rows = em.createQuery("SELECT h, m FROM Handset h, HandsetModel m WHERE " + column + " = :v AND m.id = h.modelId", Object[].class)
                .setParameter("v", value).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Handset) rows.get(0)[0]);
    }

    static Optional<Handset> bySerial(EntityManager em, String serial, boolean lock) {
        String normalised = serial.strip().toUpperCase(Locale.ROOT);
        if (!lock) {
            return withModel(em, "h.serialNumber", normalised);
        }
        return single(em.createQuery("SELECT h FROM Handset h WHERE h.serialNumber = :s", Handset.class).setParameter("s", normalised), true);
    }

    /** An IMEI (15 digits, normalised) or else a serial number. */
    static Optional<Handset> byKey(EntityManager em, String key, boolean lock) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String imei = org.opencrm.module.handset.api.Imei.normalise(key);
        if (Fields.imeiShape(imei)) {
            Optional<Handset> h = byImei(em, imei, lock);
            if (h.isPresent()) {
                return h;
            }
        }
        return bySerial(em, key, lock);
    }

    /** The unit by a validated IMEI, locked, or 404. */
    static Handset lockedByImei(EntityManager em, String imei) {
        return byImei(em, imei, true).orElseThrow(() -> new RecordNotFoundException("handset", imei));
    }

    private static Optional<Handset> single(TypedQuery<Handset> q, boolean lock) {
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<Handset> found = q.getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Whether the user may see the unit when asking for it by its exact IMEI or serial number: through the store that
     * sold it (the platform's data scope). A unit never sold (no store) is HQ stock: a scoped user finds it this way
     * only (the clerk has the box in hand to sell it), never in lists, whose scope filter is on the store column.
     */
    static boolean visible(DataScopes scopes, CrmUser user, Handset h) {
        return h.storeAccountId == null || scopes.canSee(user, h.storeAccountId);
    }

    static void requireStatus(Handset h, String action, HandsetStatus... allowed) {
        for (HandsetStatus s : allowed) {
            if (h.status == s) {
                return;
            }
        }
        throw new ConflictException("invalid_status", "status", "handset " + h.imei + " is " + h.status + "; " + action + " needs a unit that is "
                + String.join(" or ", java.util.Arrays.stream(allowed).map(Enum::name).toList()), "handset.wrongStatus", h.imei, "status." + h.status.name());
    }

    /** Appends a row to the unit's history. */
    static HandsetEvent event(EntityManager em, Handset h, EventType type, HandsetStatus from, String actor, String note) {
        HandsetEvent e = new HandsetEvent();
        e.handsetId = h.id;
        e.occurredAt = Instant.now();
        e.actor = actor;
        e.type = type;
        e.fromStatus = from;
        e.toStatus = h.status;
        e.contactId = h.ownerContactId;
        e.saleId = h.saleId;
        e.note = note;
        em.persist(e);
        return e;
    }

    static void touch(Handset h, String actor) {
        h.updatedAt = Instant.now();
        h.updatedBy = actor;
    }

    /** Flushes and turns a unique-key violation (a concurrent duplicate) into a 409 naming the field. */
    static void flushUnique(EntityManager em, String imei, String imei2, String serial) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String constraint = uniqueViolation(e);
            if (constraint == null) {
                throw e;
            }
            if (constraint.contains("SERIAL")) {
                throw new ConflictException("duplicate", "serialNumber", "a handset with serial number " + serial + " is already registered", "handset.serialRegistered", serial);
            }
            if (constraint.contains("IMEI2") && imei2 != null) {
                throw new ConflictException("duplicate", "imei2", "a handset with IMEI " + imei2 + " is already registered", "handset.imeiRegistered", imei2);
            }
            throw new ConflictException("duplicate", "imei", "a handset with IMEI " + imei + (imei2 == null ? "" : " or " + imei2) + " is already registered", "handset.imeiRegistered", imei);
        }
    }

    /** The name of the violated unique constraint or index (from the message of the SQLException), upper case, or null. */
    static String uniqueViolation(Throwable e) {
        return SqlFailure.find(e, SqlFailure.UNIQUE_VIOLATION).map(s -> {
            String m = String.valueOf(s.getMessage()).toUpperCase(Locale.ROOT);
            return m.contains("HS_IMEI") && !m.contains("HS_HANDSET_IMEI") ? "HS_IMEI" : m;
        }).orElse(null);
    }

    static Map<Long, HandsetModel> models(EntityManager em, Collection<Long> ids) {
        Map<Long, HandsetModel> m = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT m FROM HandsetModel m WHERE m.id IN :ids", HandsetModel.class).setParameter("ids", List.copyOf(ids))
                    .getResultList().forEach(x -> m.put(x.id, x));
        }
        return m;
    }

    static HandsetData toData(Handset h, HandsetModel m, CardData card) {
        return new HandsetData(h.id, h.imei, h.imei2, h.serialNumber, h.modelId, m == null ? null : m.code, m == null ? null : m.name,
                h.scrambleCode, h.batch, h.status, h.ownerContactId, h.storeAccountId, h.saleDate, h.warrantyStart, h.warrantyUntil, card,
                h.registeredAt, h.registeredBy, h.updatedAt, h.updatedBy, h.version, h.channelAccountId, h.channelShippedAt, h.channelReference);
    }

    /** A unit read for display: the row, its model, its current card (or null) and the card's accessories by id. */
    record Read(Handset handset, HandsetModel model, Sale sale, List<Accessory> accessories) {
        HandsetData data() {
            return toData(handset, model, sale == null ? null : card(sale, accessories));
        }
    }

    /**
     * The unit with this IMEI in either slot, with its model, current card and the card's accessories, in one statement
     * ({@link HandsetImei#READ}): HS_IMEI's primary key, then unit, model and card by their primary keys and the
     * accessories by HS_ACCESSORY_SALE. The read path of GET /handsets/{imei} and of the warranty check.
     */
    static Optional<Read> readByImei(EntityManager em, String imei) {
        List<Object[]> rows = em.createNamedQuery(HandsetImei.READ, Object[].class).setParameter("imei", imei).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.get(0);
        return Optional.of(new Read((Handset) first[0], (HandsetModel) first[1], (Sale) first[2], accessories(rows, 3)));
    }

    /** An IMEI (15 digits, normalised) or else a serial number, read for display (see {@link #readByImei}). */
    static Optional<Read> readByKey(EntityManager em, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String imei = org.opencrm.module.handset.api.Imei.normalise(key);
        if (Fields.imeiShape(imei)) {
            Optional<Read> r = readByImei(em, imei);
            if (r.isPresent()) {
                return r;
            }
        }
        return bySerial(em, key, false).map(h -> read(em, h));
    }

    /** The unit with its model and its current card (accessories included): the card and its accessories in one statement. */
    static HandsetData detail(EntityManager em, Handset h) {
        return read(em, h).data();
    }

    private static Read read(EntityManager em, Handset h) {
        HandsetModel m = em.find(HandsetModel.class, h.modelId);
        if (h.saleId == null) {
            return new Read(h, m, null, List.of());
        }
        List<Object[]> rows = em.createQuery("SELECT s, a FROM Sale s LEFT JOIN Accessory a ON a.saleId = s.id WHERE s.id = :id", Object[].class)
                .setParameter("id", h.saleId).getResultList();
        return rows.isEmpty() ? new Read(h, m, null, List.of()) : new Read(h, m, (Sale) rows.get(0)[0], accessories(rows, 1));
    }

    /** The non-null accessories in column {@code column} of joined rows, by id (sorted here: an ORDER BY made Derby's sorter a third of the statement). */
    private static List<Accessory> accessories(List<Object[]> rows, int column) {
        return rows.stream().map(r -> (Accessory) r[column]).filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparing((Accessory a) -> a.id))
                .toList();
    }

    static List<Accessory> accessories(EntityManager em, long saleId) {
        return em.createQuery("SELECT a FROM Accessory a WHERE a.saleId = :s ORDER BY a.id", Accessory.class).setParameter("s", saleId).getResultList();
    }

    static CardData card(Sale s, List<Accessory> accessories) {
        return new CardData(s.id, s.contactId, s.retailerAccountId, s.storeAccountId, s.invoiceNumber, s.saleDate, s.warrantyStart, s.warrantyUntil,
                s.channel, s.status, s.closedOn, s.previousSaleId,
                accessories.stream().map(a -> new AccessoryData(a.type, a.code, a.warrantyUntil)).toList(), s.createdAt, s.createdBy);
    }

    static HandsetInfo info(Handset h, HandsetModel m) {
        return new HandsetInfo(h.id, h.imei, h.imei2, h.serialNumber, m == null ? null : m.code, m == null ? null : m.name, h.status,
                h.ownerContactId, h.storeAccountId, h.saleDate, h.warrantyStart, h.warrantyUntil);
    }

    static InvalidInputException missingBody() {
        return new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
    }
}
