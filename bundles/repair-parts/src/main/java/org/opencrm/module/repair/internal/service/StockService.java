package org.opencrm.module.repair.internal.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.api.RepairEvents;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.MovementData;
import org.opencrm.module.repair.internal.dto.StockInput;
import org.opencrm.module.repair.internal.dto.StockLevel;
import org.opencrm.module.repair.internal.dto.TransferData;
import org.opencrm.module.repair.internal.dto.TransferInput;
import org.opencrm.module.repair.internal.dto.WarehouseData;
import org.opencrm.module.repair.internal.dto.WarehouseInput;
import org.opencrm.module.repair.internal.model.MovementKind;
import org.opencrm.module.repair.internal.model.Part;
import org.opencrm.module.repair.internal.model.StockBalance;
import org.opencrm.module.repair.internal.model.StockMovement;
import org.opencrm.module.repair.internal.model.Warehouse;
import org.opencrm.module.repair.internal.model.WarehouseKind;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.Queries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Warehouses and the stock ledger. Every change of a quantity is one {@link #move} inside the caller's transaction:
 * lock the balance row ({@code SELECT ... FOR UPDATE} by primary key), refuse when it would go below zero (409
 * insufficient_stock, nothing written), append the ledger row with the balance after it, write the balance. A transfer
 * locks its two rows in id order, so two transfers in opposite directions never deadlock. The balance row of a part
 * new to a warehouse is created in a short transaction of its own before the change ({@link #ensureBalance}).
 */
@Component(service = StockService.class)
public class StockService {
    static final long MAX_QUANTITY = 1_000_000;
    private final RepairContext ctx;
    private final PartCatalogService parts;

    @Activate
    public StockService(@Reference RepairContext ctx, @Reference PartCatalogService parts) {
        this.ctx = ctx;
        this.parts = parts;
    }

    // ---------------------------------------------------------------- warehouses

    public WarehouseData createWarehouse(CrmUser user, WarehouseInput in) {
        user.require(RepairModule.ADMIN);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        String code = Validation.required("code", in.code(), 32).toUpperCase(Locale.ROOT);
        String name = Validation.required("name", in.name(), 100);
        if (in.kind() == null) {
            throw new InvalidInputException("kind", "kind is required (HQ, REGIONAL or CENTRE)", "required");
        }
        if (in.accountId() == null) {
            throw new InvalidInputException("accountId", "accountId is required (the core account the warehouse belongs to)", "required");
        }
        if (ctx.customers().account(in.accountId()).isEmpty()) {
            throw new InvalidInputException("accountId", "account " + in.accountId() + " does not exist", "noSuchAccount", in.accountId());
        }
        WarehouseData created = ctx.jpa().txExpr(TransactionType.Required, em -> {
            if (!em.createQuery("SELECT w.id FROM Warehouse w WHERE w.code = :c", Long.class).setParameter("c", code).getResultList().isEmpty()) {
                throw new ConflictException("duplicate", "code", "warehouse " + code + " exists already", "repair.warehouseExists", code);
            }
            if (in.kind() == WarehouseKind.CENTRE && centreOf(em, in.accountId()) != null) {
                throw new ConflictException("duplicate", "accountId", "service centre " + in.accountId() + " has a warehouse already", "repair.centreHasWarehouse", in.accountId());
            }
            if (in.supplierId() != null && em.find(Warehouse.class, in.supplierId()) == null) {
                throw new InvalidInputException("supplierId", "warehouse " + in.supplierId() + " does not exist", "repair.noSuchWarehouse", in.supplierId());
            }
            Warehouse w = newWarehouse(code, name, in.kind(), in.accountId(), in.supplierId() != null ? in.supplierId() : defaultSupplier(em, in.kind()), user);
            em.persist(w);
            em.flush();
            ctx.audit(user, Records.WAREHOUSE, w.id, "create", Map.of("code", code, "kind", w.kind.name(), "accountId", w.accountId), w.accountId);
            return Records.warehouse(w);
        });
        return created;
    }

    /** The warehouses the user may see (HQ: all), by code. */
    public List<WarehouseData> warehouses(CrmUser user) {
        user.require(RepairModule.READ);
        ScopeFilter scope = ctx.scopes().filter(user);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("SELECT w FROM Warehouse w WHERE 1 = 1" + scope.jpql("w.accountId") + " ORDER BY w.code", Warehouse.class);
            scope.bind(q::setParameter);
            return q.getResultList().stream().map(Records::warehouse).toList();
        });
    }

    public WarehouseData warehouse(CrmUser user, long id) {
        user.require(RepairModule.READ);
        return Records.warehouse(visibleWarehouse(user, id));
    }

    /** The centre's warehouse, created on first use (code SC-<account id>, supplied by HQ). */
    public WarehouseData centreWarehouse(CrmUser user, long centreAccountId) {
        user.require(RepairModule.READ);
        ctx.scopes().require(user, centreAccountId, "service centre " + centreAccountId);
        return Records.warehouse(ensureCentre(user, centreAccountId));
    }

    /**
     * The warehouse of a service centre, created in a transaction of its own when the centre is new to the module (a
     * repair order or request routed to it). 400 naming {@code centreAccountId} when the core has no such account.
     */
    public Warehouse ensureCentre(CrmUser user, long centreAccountId) {
        Warehouse w = ctx.jpa().txExpr(TransactionType.Supports, em -> centreOf(em, centreAccountId));
        if (w != null) {
            return w;
        }
        if (ctx.customers().account(centreAccountId).isEmpty()) {
            throw new InvalidInputException("centreAccountId", "account " + centreAccountId + " does not exist", "noSuchAccount", centreAccountId);
        }
        try {
            return ctx.jpa().txExpr(TransactionType.RequiresNew, em -> {
                Warehouse c = newWarehouse("SC-" + centreAccountId, ctx.customers().account(centreAccountId).get().name(), WarehouseKind.CENTRE,
                        centreAccountId, defaultSupplier(em, WarehouseKind.CENTRE), user);
                em.persist(c);
                em.flush();
                ctx.audit(user, Records.WAREHOUSE, c.id, "create", Map.of("code", c.code, "kind", c.kind.name(), "accountId", centreAccountId), centreAccountId);
                return c;
            });
        } catch (RuntimeException raced) {
            Warehouse again = ctx.jpa().txExpr(TransactionType.Supports, em -> centreOf(em, centreAccountId));
            if (again == null) {
                throw raced;
            }
            return again;
        }
    }

    Warehouse visibleWarehouse(CrmUser user, long id) {
        Warehouse w = ctx.jpa().txExpr(TransactionType.Supports, em -> em.find(Warehouse.class, id));
        if (w == null || !ctx.scopes().canSee(user, w.accountId)) {
            throw new RecordNotFoundException("warehouse", id);
        }
        return w;
    }

    /** A warehouse named in input: 400 naming the field when it does not exist. */
    Warehouse requireWarehouse(EntityManager em, String field, Long id) {
        if (id == null) {
            throw new InvalidInputException(field, field + " is required", "required");
        }
        Warehouse w = em.find(Warehouse.class, id);
        if (w == null) {
            throw new InvalidInputException(field, "warehouse " + id + " does not exist", "repair.noSuchWarehouse", id);
        }
        return w;
    }

    static Warehouse centreOf(EntityManager em, long accountId) {
        return em.createQuery("SELECT w FROM Warehouse w WHERE w.accountId = :a AND w.kind = :k ORDER BY w.id", Warehouse.class).setParameter("a", accountId)
                .setParameter("k", WarehouseKind.CENTRE).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** The first HQ warehouse supplies centres and regional warehouses unless told otherwise. */
    private static Long defaultSupplier(EntityManager em, WarehouseKind kind) {
        if (kind == WarehouseKind.HQ) {
            return null;
        }
        return em.createQuery("SELECT w.id FROM Warehouse w WHERE w.kind = :k ORDER BY w.id", Long.class).setParameter("k", WarehouseKind.HQ).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    private Warehouse newWarehouse(String code, String name, WarehouseKind kind, long accountId, Long supplierId, CrmUser user) {
        Warehouse w = new Warehouse();
        w.code = code;
        w.name = name;
        w.kind = kind;
        w.accountId = accountId;
        w.supplierId = supplierId;
        w.active = true;
        w.createdAt = ctx.now();
        w.createdBy = user.username();
        return w;
    }

    // ---------------------------------------------------------------- levels and ledger

    /** Quantities by warehouse and part within the user's scope; {@code warehouseId} and {@code q} (part number prefix) optional. */
    public Page<StockLevel> levels(CrmUser user, Long warehouseId, PageRequest page) {
        user.require(RepairModule.READ);
        Where where = new Where().and("w.id = b.warehouseId AND p.id = b.partId");
        if (warehouseId != null) {
            visibleWarehouse(user, warehouseId);
            where.and("b.warehouseId = :w", "w", warehouseId);
        }
        ScopeFilter scope = ctx.scopes().filter(user);
        if (scope.isNothing()) {
            return new Page<>(List.of(), 0);
        }
        where.and(scope, scope.condition("w.accountId"));
        if (page.query() != null) {
            where.and("p.partNumber LIKE :q ESCAPE '\\'", "q", Queries.escapeLike(page.query().toUpperCase(Locale.ROOT)) + "%");
        }
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            return where.page(em, "SELECT b, w.code, p.partNumber, p.name", "SELECT COUNT(b)", "StockBalance b, Warehouse w, Part p",
                    " ORDER BY w.code, p.partNumber", Object[].class, page).map(r -> {
                StockBalance b = (StockBalance) r[0];
                return new StockLevel(b.warehouseId, (String) r[1], b.partId, (String) r[2], (String) r[3], b.quantity);
            });
        });
    }

    /** The quantity on hand (0 when the part was never in the warehouse). */
    public long quantity(long warehouseId, long partId) {
        return ctx.jpa().txExpr(TransactionType.Supports, em -> em.createQuery("SELECT b.quantity FROM StockBalance b WHERE b.warehouseId = :w AND b.partId = :p",
                Long.class).setParameter("w", warehouseId).setParameter("p", partId).getResultStream().findFirst().orElse(0L));
    }

    /** The ledger of a warehouse, newest first; {@code partNumber} optional. */
    public Page<MovementData> movements(CrmUser user, long warehouseId, String partNumber, PageRequest page) {
        user.require(RepairModule.READ);
        visibleWarehouse(user, warehouseId);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            Part part = partNumber == null || partNumber.isBlank() ? null : parts.require(em, "partNumber", partNumber);
            String where = " WHERE m.warehouseId = :w AND p.id = m.partId" + (part == null ? "" : " AND m.partId = :p");
            var items = em.createQuery("SELECT m, p.partNumber FROM StockMovement m, Part p" + where + " ORDER BY m.id DESC", Object[].class)
                    .setParameter("w", warehouseId);
            var count = em.createQuery("SELECT COUNT(m) FROM StockMovement m, Part p" + where, Long.class).setParameter("w", warehouseId);
            if (part != null) {
                items.setParameter("p", part.id);
                count.setParameter("p", part.id);
            }
            return Queries.page(items, count, page).map(r -> Records.movement((StockMovement) r[0], (String) r[1]));
        });
    }

    /** Goods in from a supplier (repair.stock). */
    public MovementData receive(CrmUser user, StockInput in) {
        user.require(RepairModule.STOCK);
        return single(user, in, MovementKind.RECEIPT, "receipt");
    }

    /** An unused part back on the shelf of the user's own warehouse (repair.write). */
    public MovementData returnToShelf(CrmUser user, StockInput in) {
        user.require(RepairModule.WRITE);
        return single(user, in, MovementKind.RETURN, "return");
    }

    /** A counted correction, ± with a reason in {@code note} (repair.stock); never below zero. */
    public MovementData adjust(CrmUser user, StockInput in) {
        user.require(RepairModule.STOCK);
        return single(user, in, MovementKind.ADJUSTMENT, "adjustment");
    }

    private MovementData single(CrmUser user, StockInput in, MovementKind kind, String what) {
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        long quantity = quantity(in.quantity(), kind == MovementKind.ADJUSTMENT);
        String note = Validation.optional("note", in.note(), 500);
        if (kind == MovementKind.ADJUSTMENT && note == null) {
            throw new InvalidInputException("note", "an adjustment needs a reason in note", "required");
        }
        long[] ids = ctx.jpa().txExpr(TransactionType.Supports, em -> {
            Warehouse w = requireWarehouse(em, "warehouseId", in.warehouseId());
            ctx.scopes().require(user, w.accountId, "warehouse " + w.code);
            return new long[] { w.id, parts.require(em, "partNumber", in.partNumber()).id };
        });
        if (quantity > 0) {
            ensureBalance(ids[0], ids[1]);
        }
        Moved moved = ctx.jpa().txExpr(TransactionType.Required, em -> {
            StockMovement m = move(em, user, ids[0], ids[1], kind, quantity, null, null, "manual", null, note);
            return new Moved(m, em.find(Part.class, ids[1]).partNumber);
        });
        ctx.post(RepairEvents.STOCK_CHANGED, user, RepairEvents.WAREHOUSE_ID, ids[0], RepairEvents.PART_NUMBER, moved.partNumber, RepairEvents.KIND,
                kind.name(), RepairEvents.QUANTITY, quantity, RepairEvents.BALANCE, moved.movement.balanceAfter);
        return Records.movement(moved.movement, moved.partNumber);
    }

    private record Moved(StockMovement movement, String partNumber) {
    }

    /** Both legs in one transaction (repair.stock): out of one warehouse, into the other, with one transfer id. */
    public TransferData transfer(CrmUser user, TransferInput in) {
        user.require(RepairModule.STOCK);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        long quantity = quantity(in.quantity(), false);
        String note = Validation.optional("note", in.note(), 500);
        long[] ids = ctx.jpa().txExpr(TransactionType.Supports, em -> {
            Warehouse from = requireWarehouse(em, "fromWarehouseId", in.fromWarehouseId());
            Warehouse to = requireWarehouse(em, "toWarehouseId", in.toWarehouseId());
            if (from.id.equals(to.id)) {
                throw new InvalidInputException("toWarehouseId", "a transfer needs two different warehouses", "repair.transferSame");
            }
            ctx.scopes().require(user, from.accountId, "warehouse " + from.code);
            return new long[] { from.id, to.id, parts.require(em, "partNumber", in.partNumber()).id };
        });
        ensureBalance(ids[1], ids[2]);
        String transferId = UUID.randomUUID().toString();
        StockMovement[] legs = ctx.jpa().txExpr(TransactionType.Required, em -> transfer(em, user, ids[0], ids[1], ids[2], quantity, transferId, "transfer",
                transferId, note));
        String number = ctx.jpa().txExpr(TransactionType.Supports, em -> em.find(Part.class, ids[2]).partNumber);
        ctx.post(RepairEvents.STOCK_CHANGED, user, RepairEvents.WAREHOUSE_ID, ids[0], RepairEvents.PART_NUMBER, number, RepairEvents.KIND,
                MovementKind.TRANSFER_OUT.name(), RepairEvents.QUANTITY, -quantity, RepairEvents.BALANCE, legs[0].balanceAfter);
        ctx.post(RepairEvents.STOCK_CHANGED, user, RepairEvents.WAREHOUSE_ID, ids[1], RepairEvents.PART_NUMBER, number, RepairEvents.KIND,
                MovementKind.TRANSFER_IN.name(), RepairEvents.QUANTITY, quantity, RepairEvents.BALANCE, legs[1].balanceAfter);
        return new TransferData(transferId, Records.movement(legs[0], number), Records.movement(legs[1], number));
    }

    /** Both legs of a transfer inside the caller's transaction, the two balance rows locked in id order. */
    StockMovement[] transfer(EntityManager em, CrmUser user, long from, long to, long partId, long quantity, String transferId, String refType, String refId,
            String note) {
        StockBalance a = balance(em, from, partId);
        StockBalance b = balance(em, to, partId);
        if (a != null && b != null && a.id > b.id) {
            lock(em, b);
        }
        StockMovement out = move(em, user, from, partId, MovementKind.TRANSFER_OUT, -quantity, to, transferId, refType, refId, note);
        StockMovement in = move(em, user, to, partId, MovementKind.TRANSFER_IN, quantity, from, transferId, refType, refId, note);
        return new StockMovement[] { out, in };
    }

    /**
     * One ledger row inside the caller's transaction: locks the balance row, refuses to go below zero (409
     * insufficient_stock; the caller's transaction rolls back), appends the row and writes the balance.
     */
    public StockMovement move(EntityManager em, CrmUser user, long warehouseId, long partId, MovementKind kind, long delta, Long counterWarehouseId,
            String transferId, String refType, String refId, String note) {
        StockBalance found = balance(em, warehouseId, partId);
        StockBalance b = found == null ? null : lock(em, found);
        long available = b == null ? 0 : b.quantity;
        if (available + delta < 0) {
            throw new InsufficientStockException(em.find(Part.class, partId).partNumber, em.find(Warehouse.class, warehouseId).code, available, -delta);
        }
        if (b == null) { // a part new to the warehouse and no ensureBalance before: a concurrent first receipt fails on the unique index
            b = new StockBalance();
            b.warehouseId = warehouseId;
            b.partId = partId;
            em.persist(b);
        }
        b.quantity = available + delta;
        b.updatedAt = ctx.now();
        StockMovement m = new StockMovement();
        m.warehouseId = warehouseId;
        m.partId = partId;
        m.kind = kind;
        m.quantity = delta;
        m.balanceAfter = b.quantity;
        m.counterWarehouseId = counterWarehouseId;
        m.transferId = transferId;
        m.refType = refType;
        m.refId = refId;
        m.note = note;
        m.occurredAt = ctx.now();
        m.actor = user.username();
        em.persist(m);
        em.flush();
        return m;
    }

    /** The quantity on hand with the balance row locked to the end of the caller's transaction (0 and nothing locked when there is no row). */
    public long lockedQuantity(EntityManager em, long warehouseId, long partId) {
        StockBalance b = balance(em, warehouseId, partId);
        return b == null ? 0 : lock(em, b).quantity;
    }

    /** Creates the balance row of a part new to a warehouse in a short transaction of its own (a concurrent creator wins harmlessly). */
    public void ensureBalance(long warehouseId, long partId) {
        if (ctx.jpa().txExpr(TransactionType.Supports, em -> balance(em, warehouseId, partId)) != null) {
            return;
        }
        try {
            ctx.jpa().tx(TransactionType.RequiresNew, em -> {
                StockBalance b = new StockBalance();
                b.warehouseId = warehouseId;
                b.partId = partId;
                b.updatedAt = ctx.now();
                em.persist(b);
            });
        } catch (RuntimeException raced) {
            if (ctx.jpa().txExpr(TransactionType.Supports, em -> balance(em, warehouseId, partId)) == null) {
                throw raced;
            }
        }
    }

    private static StockBalance balance(EntityManager em, long warehouseId, long partId) {
        return em.createQuery("SELECT b FROM StockBalance b WHERE b.warehouseId = :w AND b.partId = :p", StockBalance.class).setParameter("w", warehouseId)
                .setParameter("p", partId).getResultStream().findFirst().orElse(null);
    }

    /** Re-reads the row with SELECT ... FOR UPDATE: the lock is held to the end of the transaction, the quantity is the committed one. */
    private static StockBalance lock(EntityManager em, StockBalance b) {
        em.refresh(b, LockModeType.PESSIMISTIC_WRITE);
        return b;
    }

    static long quantity(Long quantity, boolean signed) {
        if (quantity == null) {
            throw new InvalidInputException("quantity", "quantity is required", "required");
        }
        if ((signed ? quantity == 0 : quantity <= 0) || Math.abs(quantity) > MAX_QUANTITY) {
            throw new InvalidInputException("quantity", signed ? "quantity must not be 0 and at most " + MAX_QUANTITY + " either way"
                    : "quantity must be from 1 to " + MAX_QUANTITY, signed ? "repair.quantitySigned" : "repair.quantityRange", MAX_QUANTITY);
        }
        return quantity;
    }

    /** Sums of the ledger and the balances (for checks and tests): {warehouseId, partId, ledger sum, balance}. */
    public List<long[]> reconcile() {
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            List<long[]> rows = new ArrayList<>();
            for (StockBalance b : em.createQuery("SELECT b FROM StockBalance b ORDER BY b.id", StockBalance.class).getResultList()) {
                Long sum = em.createQuery("SELECT SUM(m.quantity) FROM StockMovement m WHERE m.warehouseId = :w AND m.partId = :p", Long.class)
                        .setParameter("w", b.warehouseId).setParameter("p", b.partId).getSingleResult();
                rows.add(new long[] { b.warehouseId, b.partId, sum == null ? 0 : sum, b.quantity });
            }
            return rows;
        });
    }
}
