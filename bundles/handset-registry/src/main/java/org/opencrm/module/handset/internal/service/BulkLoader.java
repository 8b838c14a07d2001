package org.opencrm.module.handset.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.handset.api.HandsetStatus;
import org.opencrm.module.handset.api.Imei;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.dto.ModelData;
import org.opencrm.module.handset.internal.model.CaptureChannel;
import org.opencrm.module.handset.internal.model.EventType;
import org.opencrm.module.handset.internal.model.Handset;
import org.opencrm.module.handset.internal.model.HandsetEvent;
import org.opencrm.module.handset.internal.model.HandsetModel;
import org.opencrm.module.handset.internal.model.SaleStatus;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.IdBlocks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Demo and benchmark data at scale: registers units (and optionally sells some) with plain JDBC batches on the
 * transaction's connection and ids from blocks reserved up front, about two orders of magnitude faster than one JPA
 * transaction per unit. The units are ordinary rows (unique IMEIs with valid check digits from a TAC range of their
 * own, serials "DM" + id, a REGISTERED history row each); one audit entry records the load.
 */
@Component(service = BulkLoader.class)
public class BulkLoader {
    private static final int CHUNK = 2000;
    /** IMEI bodies (14 digits, before the check digit) are these bases plus the unit id: unique while ids stay below 10^9. */
    private static final long IMEI_BASE = 86_999_000_000_000L;
    private static final long IMEI2_BASE = 86_998_000_000_000L;
    private static final String[][] DEMO_MODELS = {
            { "HX-NOVA-8", "华星 Nova 8", "02-C045-192736", "2023-03-15" },
            { "HX-NOVA-8-PRO", "华星 Nova 8 Pro", "02-C045-192737", "2023-03-15" },
            { "HX-LITE-5", "华星 Lite 5", "02-B317-204411", "2022-09-01" },
            { "HX-FOLD-2", "华星 Fold 2", "02-D102-311908", "2024-02-20" } };

    private final JpaTemplate jpa;
    private final ModelService models;
    private final HandsetService handsets;
    private final CustomerDirectory customers;
    private final WarrantyPolicy policy;
    private final AuditTrail audit;

    /** What to load: {@code soldPercent} of the units are sold to {@code contactId} through {@code storeAccountId}. */
    public record Options(int count, int dualSimPercent, int soldPercent, Long contactId, Long storeAccountId) {
    }

    public record Result(long units, long dualSim, long sold, long firstId, long lastId, String sampleImei) {
    }

    @Activate
    public BulkLoader(@Reference(target = "(osgi.unit.name=crm-handset)") JpaTemplate jpa, @Reference ModelService models,
            @Reference HandsetService handsets, @Reference CustomerDirectory customers,
            @Reference WarrantyPolicy policy, @Reference AuditTrail audit) {
        this.jpa = jpa;
        this.models = models;
        this.handsets = handsets;
        this.customers = customers;
        this.policy = policy;
        this.audit = audit;
    }

    public Result load(CrmUser user, Options o) {
        user.require(HandsetModule.WRITE);
        if (o.count() < 1 || o.count() > 10_000_000) {
            throw new InvalidInputException("count", "count must be between 1 and 10,000,000", "handset.bulkCount");
        }
        if (o.dualSimPercent() < 0 || o.dualSimPercent() > 100 || o.soldPercent() < 0 || o.soldPercent() > 100) {
            throw new InvalidInputException("percent", "percentages must be between 0 and 100", "handset.bulkPercent");
        }
        if (o.soldPercent() > 0) {
            user.require(HandsetModule.SALE);
            if (o.contactId() == null || customers.contact(o.contactId()).isEmpty()) {
                throw new InvalidInputException("contactId", "selling demo units needs an existing contact (--contact)", "handset.bulkContact");
            }
            if (o.storeAccountId() == null || customers.account(o.storeAccountId()).isEmpty()) {
                throw new InvalidInputException("storeAccountId", "selling demo units needs an existing store account (--store)", "handset.bulkStore");
            }
        }
        List<HandsetModel> demoModels = demoModels(user);
        WarrantyTerms terms = policy.terms();
        LocalDate today = policy.today();
        long loaded = 0;
        long dual = 0;
        long sold = 0;
        long first = -1;
        long last = -1;
        String sample = null;
        while (loaded < o.count()) {
            int n = (int) Math.min(CHUNK, o.count() - loaded);
            // ids are reserved before the chunk's transaction, each block in a short transaction of its own
            long firstId = reserve(Handset.ID_TABLE, Handset.ID_SEQUENCE, n);
            int soldCount = 0;
            for (int i = 0; i < n; i++) {
                soldCount += Chunk.pick(firstId + i, 2) < o.soldPercent() ? 1 : 0;
            }
            long eventId = reserve(HandsetEvent.ID_TABLE, HandsetEvent.ID_SEQUENCE, n + soldCount);
            long saleId = soldCount == 0 ? 0 : reserve(Handset.ID_TABLE, "SALE", soldCount);
            Chunk c = new Chunk(firstId, n, eventId, saleId, o, demoModels, terms, today, user.username());
            jpa.tx(TransactionType.Required, c::write);
            loaded += n;
            dual += c.dual;
            sold += c.sold;
            first = first < 0 ? firstId : first;
            last = firstId + n - 1;
            sample = sample == null ? imei(IMEI_BASE, firstId) : sample;
        }
        handsets.unitsAdded(loaded);
        long total = loaded;
        long dualSim = dual;
        long soldUnits = sold;
        jpa.tx(TransactionType.Required, em -> audit.record(user.username(), HandsetService.RECORD, "bulk", "bulk-load",
                Map.of("units", total, "dualSim", dualSim, "sold", soldUnits)));
        return new Result(loaded, dual, sold, first, last, sample);
    }

    static String imei(long base, long id) {
        return Imei.withCheckDigit(Long.toString(base + id));
    }

    /** A block of ids from the generator row, created first when JPA has not used the generator yet. */
    long reserve(String table, String sequence, int count) {
        OptionalLong first = jpa.txExpr(TransactionType.RequiresNew, em -> IdBlocks.reserve(em, table, sequence, count));
        if (first.isPresent()) {
            return first.getAsLong();
        }
        jpa.tx(TransactionType.RequiresNew, em -> {
            try (PreparedStatement ps = em.unwrap(Connection.class).prepareStatement("INSERT INTO " + table + " (SEQ_NAME, SEQ_COUNT) VALUES (?, 0)")) {
                ps.setString(1, sequence);
                ps.executeUpdate();
            } catch (SQLException e) {
                // created meanwhile by JPA or another loader: the reservation below works either way
            }
        });
        return jpa.txExpr(TransactionType.RequiresNew, em -> IdBlocks.reserve(em, table, sequence, count))
                .orElseThrow(() -> new IllegalStateException("no id generator row " + table + "/" + sequence));
    }

    private List<HandsetModel> demoModels(CrmUser user) {
        List<HandsetModel> out = new ArrayList<>();
        for (String[] m : DEMO_MODELS) {
            if (models.byCode(user, m[0]).isEmpty()) {
                try {
                    models.create(user, new ModelData(null, m[0], m[1], m[2], LocalDate.parse(m[3]), null, null, null, null, null, null, null,
                            null, null, null));
                } catch (org.opencrm.platform.api.ConflictException createdMeanwhile) {
                    // fine
                }
            }
            out.add(jpa.txExpr(TransactionType.Supports, em -> ModelService.byCode(em, m[0]).orElseThrow()));
        }
        return out;
    }

    /** One chunk of units and what goes with them, written with JDBC batches on the transaction's connection. */
    private static final class Chunk {
        final long firstId;
        final int n;
        long eventId;
        long saleId;
        final Options o;
        final List<HandsetModel> models;
        final WarrantyTerms terms;
        final LocalDate today;
        final String actor;
        long dual;
        long sold;

        Chunk(long firstId, int n, long eventId, long saleId, Options o, List<HandsetModel> models, WarrantyTerms terms, LocalDate today, String actor) {
            this.firstId = firstId;
            this.n = n;
            this.eventId = eventId;
            this.saleId = saleId;
            this.o = o;
            this.models = models;
            this.terms = terms;
            this.today = today;
            this.actor = actor;
        }

        /** A stable pseudo-random number 0..99 for a unit, so a load is reproducible. */
        static int pick(long id, int salt) {
            long x = (id * 0x9E3779B97F4A7C15L) ^ (salt * 0xC2B2AE3D27D4EB4FL);
            x ^= x >>> 31;
            return (int) Math.floorMod(x, 100L);
        }

        void write(EntityManager em) {
            Connection c = em.unwrap(Connection.class);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement unit = c.prepareStatement("INSERT INTO HS_HANDSET (ID, IMEI, IMEI2, SERIALNUMBER, MODELID, SCRAMBLECODE, BATCH, STATUS,"
                    + " SALEID, OWNERCONTACTID, STOREACCOUNTID, SALEDATE, WARRANTYSTART, WARRANTYUNTIL, REGISTEREDAT, REGISTEREDBY, UPDATEDAT, UPDATEDBY,"
                    + " VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
                    PreparedStatement imeis = c.prepareStatement("INSERT INTO HS_IMEI (IMEI, HANDSETID, SLOT) VALUES (?, ?, ?)");
                    PreparedStatement event = c.prepareStatement("INSERT INTO HS_EVENT (ID, HANDSETID, OCCURREDAT, ACTOR, TYPE, FROMSTATUS, TOSTATUS,"
                            + " CONTACTID, SALEID, NOTE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement sale = c.prepareStatement("INSERT INTO HS_SALE (ID, HANDSETID, CONTACTID, STOREACCOUNTID, INVOICENUMBER, SALEDATE,"
                            + " WARRANTYSTART, WARRANTYUNTIL, CHANNEL, STATUS, CREATEDAT, CREATEDBY, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                String batchName = "DEMO-" + today;
                for (int i = 0; i < n; i++) {
                    long id = firstId + i;
                    HandsetModel model = models.get((int) (id % models.size()));
                    String imei = imei(IMEI_BASE, id);
                    String imei2 = pick(id, 1) < o.dualSimPercent() ? imei(IMEI2_BASE, id) : null;
                    boolean isSold = pick(id, 2) < o.soldPercent();
                    unit.setLong(1, id);
                    unit.setString(2, imei);
                    unit.setString(3, imei2);
                    unit.setString(4, String.format("DM%010d", id));
                    unit.setLong(5, model.id);
                    unit.setString(6, Long.toString(Math.floorMod(id * 7919L, 100_000_000L), 36).toUpperCase());
                    unit.setString(7, batchName);
                    unit.setString(8, (isSold ? HandsetStatus.SOLD : HandsetStatus.IN_STOCK).name());
                    long thisSale = 0;
                    if (isSold) {
                        thisSale = saleId++;
                        LocalDate saleDate = today.minusDays(pick(id, 3) * 4L); // up to ~400 days ago: some in warranty, some expired
                        LocalDate until = WarrantyRules.until(saleDate, terms.handsetMonths(model));
                        unit.setLong(9, thisSale);
                        unit.setLong(10, o.contactId());
                        unit.setLong(11, o.storeAccountId());
                        unit.setObject(12, java.sql.Date.valueOf(saleDate));
                        unit.setObject(13, java.sql.Date.valueOf(saleDate));
                        unit.setObject(14, java.sql.Date.valueOf(until));
                        sale.setLong(1, thisSale);
                        sale.setLong(2, id);
                        sale.setLong(3, o.contactId());
                        sale.setLong(4, o.storeAccountId());
                        sale.setString(5, "FP" + id);
                        sale.setDate(6, java.sql.Date.valueOf(saleDate));
                        sale.setDate(7, java.sql.Date.valueOf(saleDate));
                        sale.setDate(8, java.sql.Date.valueOf(until));
                        sale.setString(9, CaptureChannel.STORE_CLERK.name());
                        sale.setString(10, SaleStatus.ACTIVE.name());
                        sale.setTimestamp(11, now);
                        sale.setString(12, actor);
                        sale.addBatch();
                        sold++;
                    } else {
                        unit.setNull(9, Types.BIGINT);
                        unit.setNull(10, Types.BIGINT);
                        unit.setNull(11, Types.BIGINT);
                        unit.setNull(12, Types.DATE);
                        unit.setNull(13, Types.DATE);
                        unit.setNull(14, Types.DATE);
                    }
                    unit.setTimestamp(15, now);
                    unit.setString(16, actor);
                    unit.setTimestamp(17, now);
                    unit.setString(18, actor);
                    unit.addBatch();
                    imeis.setString(1, imei);
                    imeis.setLong(2, id);
                    imeis.setInt(3, 1);
                    imeis.addBatch();
                    if (imei2 != null) {
                        imeis.setString(1, imei2);
                        imeis.setLong(2, id);
                        imeis.setInt(3, 2);
                        imeis.addBatch();
                        dual++;
                    }
                    addEvent(event, eventId++, id, now, EventType.REGISTERED, null, HandsetStatus.IN_STOCK, null, 0, "bulk load " + batchName);
                    if (isSold) {
                        addEvent(event, eventId++, id, now, EventType.SOLD, HandsetStatus.IN_STOCK, HandsetStatus.SOLD, o.contactId(), thisSale, null);
                    }
                }
                unit.executeBatch();
                imeis.executeBatch();
                event.executeBatch();
                if (sold > 0) {
                    sale.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("bulk load of units " + firstId + ".." + (firstId + n - 1) + " failed: " + e.getMessage(), e);
            }
        }

        private void addEvent(PreparedStatement event, long id, long handsetId, Timestamp at, EventType type, HandsetStatus from, HandsetStatus to,
                Long contactId, long saleId, String note) throws SQLException {
            event.setLong(1, id);
            event.setLong(2, handsetId);
            event.setTimestamp(3, at);
            event.setString(4, actor);
            event.setString(5, type.name());
            event.setString(6, from == null ? null : from.name());
            event.setString(7, to.name());
            if (contactId == null) {
                event.setNull(8, Types.BIGINT);
                event.setNull(9, Types.BIGINT);
            } else {
                event.setLong(8, contactId);
                event.setLong(9, saleId);
            }
            event.setString(10, note);
            event.addBatch();
        }
    }
}
