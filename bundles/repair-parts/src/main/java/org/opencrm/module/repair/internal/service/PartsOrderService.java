package org.opencrm.module.repair.internal.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.OrderLineInput;
import org.opencrm.module.repair.internal.dto.PartsOrderData;
import org.opencrm.module.repair.internal.dto.PartsOrderInput;
import org.opencrm.module.repair.internal.dto.PartsOrderLineData;
import org.opencrm.module.repair.internal.model.MovementKind;
import org.opencrm.module.repair.internal.model.Part;
import org.opencrm.module.repair.internal.model.PartsOrder;
import org.opencrm.module.repair.internal.model.PartsOrderLine;
import org.opencrm.module.repair.internal.model.PartsOrderStatus;
import org.opencrm.module.repair.internal.model.Warehouse;
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
 * Parts orders from a service centre to a warehouse (its supplier by default): SUBMITTED → APPROVED → SHIPPED or
 * PARTIALLY_SHIPPED → RECEIVED. Shipping is the outgoing leg of a transfer (TRANSFER_OUT of the supplier, what it has
 * up to what is outstanding; the rest stays on backorder and ships later), receiving its incoming leg (TRANSFER_IN at
 * the centre of everything in transit); both legs carry the order's number as transfer id. The order row is locked
 * first, then the stock rows, so two clerks shipping the same order cannot ship it twice.
 */
@Component(service = PartsOrderService.class)
public class PartsOrderService {
    static final String RECORD = Records.PARTS_ORDER;
    static final int MAX_LINES = 100;
    private final RepairContext ctx;
    private final StockService stock;
    private final PartCatalogService parts;

    @Activate
    public PartsOrderService(@Reference RepairContext ctx, @Reference StockService stock, @Reference PartCatalogService parts) {
        this.ctx = ctx;
        this.stock = stock;
        this.parts = parts;
    }

    public PartsOrderData submit(CrmUser user, PartsOrderInput in) {
        user.require(RepairModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        String note = Validation.optional("note", in.note(), 500);
        if (in.lines() == null || in.lines().isEmpty()) {
            throw new InvalidInputException("lines", "at least one line (partNumber, quantity) is required", "required");
        }
        if (in.lines().size() > MAX_LINES) {
            throw new InvalidInputException("lines", "at most " + MAX_LINES + " lines", "repair.tooManyLines", MAX_LINES);
        }
        if (in.warehouseId() == null && in.centreAccountId() == null) {
            throw new InvalidInputException("warehouseId", "warehouseId or centreAccountId (who orders) is required", "required");
        }
        Long warehouseId = in.warehouseId();
        if (warehouseId == null) {
            ctx.scopes().require(user, in.centreAccountId(), "service centre " + in.centreAccountId());
            warehouseId = stock.ensureCentre(user, in.centreAccountId()).id;
        }
        long ordering = warehouseId;
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            Warehouse w = stock.requireWarehouse(em, "warehouseId", ordering);
            ctx.scopes().require(user, w.accountId, "warehouse " + w.code);
            Long supplierId = in.supplierId() != null ? in.supplierId() : w.supplierId;
            if (supplierId == null) {
                throw new InvalidInputException("supplierId", "supplierId is required: warehouse " + w.code + " has no default supplier", "required");
            }
            Warehouse supplier = stock.requireWarehouse(em, "supplierId", supplierId);
            if (supplier.id.equals(w.id)) {
                throw new InvalidInputException("supplierId", "a warehouse does not order from itself", "repair.ownSupplier");
            }
            Map<Long, Long> quantities = new LinkedHashMap<>();
            for (int i = 0; i < in.lines().size(); i++) {
                OrderLineInput line = in.lines().get(i);
                String field = "lines[" + i + "]";
                if (line == null) {
                    throw new InvalidInputException(field, field + " is empty", "repair.empty");
                }
                Part p = parts.require(em, field + ".partNumber", line.partNumber());
                long q;
                try {
                    q = StockService.quantity(line.quantity(), false);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(field + ".quantity", e.getMessage(), e.messageKey(), e.messageArgs());
                }
                quantities.merge(p.id, q, Long::sum);
            }
            PartsOrder o = new PartsOrder();
            o.warehouseId = w.id;
            o.centreAccountId = w.accountId;
            o.supplierId = supplier.id;
            o.status = PartsOrderStatus.SUBMITTED;
            o.note = note;
            o.submittedAt = ctx.now();
            o.submittedBy = user.username();
            em.persist(o);
            em.flush();
            quantities.forEach((partId, q) -> {
                PartsOrderLine l = new PartsOrderLine();
                l.orderId = o.id;
                l.partId = partId;
                l.ordered = q;
                em.persist(l);
            });
            em.flush();
            ctx.audit(user, RECORD, o.id, "submit", Map.of("warehouseId", o.warehouseId, "supplierId", o.supplierId, "lines", quantities.toString()), w.accountId);
            return data(em, o);
        });
    }

    /** SUBMITTED → APPROVED (repair.stock, on the supplier's side). */
    public PartsOrderData approve(CrmUser user, long id) {
        user.require(RepairModule.STOCK);
        return change(user, id, true, "approve", (em, o) -> {
            require(o, PartsOrderStatus.SUBMITTED);
            o.status = PartsOrderStatus.APPROVED;
            o.approvedAt = ctx.now();
            o.approvedBy = user.username();
            return Map.of("status", o.status.name());
        });
    }

    /** SUBMITTED → REJECTED with the reason in {@code note} (repair.stock). */
    public PartsOrderData reject(CrmUser user, long id, NoteInput in) {
        user.require(RepairModule.STOCK);
        String reason = Validation.required("note", in == null ? null : in.note(), 500);
        return change(user, id, true, "reject", (em, o) -> {
            require(o, PartsOrderStatus.SUBMITTED);
            o.status = PartsOrderStatus.REJECTED;
            o.rejectionReason = reason;
            return Map.of("status", o.status.name(), "reason", reason);
        });
    }

    /** SUBMITTED or APPROVED → CANCELLED by the centre (nothing shipped yet). */
    public PartsOrderData cancel(CrmUser user, long id, NoteInput in) {
        user.require(RepairModule.WRITE);
        String reason = Validation.optional("note", in == null ? null : in.note(), 500);
        return change(user, id, false, "cancel", (em, o) -> {
            require(o, PartsOrderStatus.SUBMITTED, PartsOrderStatus.APPROVED);
            o.status = PartsOrderStatus.CANCELLED;
            o.rejectionReason = reason;
            return Map.of("status", o.status.name());
        });
    }

    /**
     * Ships what the supplier has of each outstanding line (repair.stock): SHIPPED when nothing is left, else
     * PARTIALLY_SHIPPED with the rest on backorder. 409 insufficient_stock when nothing at all can ship; nothing written.
     */
    public PartsOrderData ship(CrmUser user, long id) {
        user.require(RepairModule.STOCK);
        return change(user, id, true, "ship", (em, o) -> {
            require(o, PartsOrderStatus.APPROVED, PartsOrderStatus.PARTIALLY_SHIPPED);
            Map<String, Object> shipped = new LinkedHashMap<>();
            long total = 0;
            List<PartsOrderLine> lines = lines(em, o.id);
            lines.sort((a, b) -> Long.compare(a.partId, b.partId)); // one lock order for every shipment of every order
            for (PartsOrderLine l : lines) {
                long outstanding = l.ordered - l.shipped;
                if (outstanding <= 0) {
                    continue;
                }
                long n = Math.min(outstanding, stock.lockedQuantity(em, o.supplierId, l.partId));
                if (n > 0) {
                    stock.move(em, user, o.supplierId, l.partId, MovementKind.TRANSFER_OUT, -n, o.warehouseId, Records.number("PO", o.id), "parts-order",
                            String.valueOf(o.id), "shipped to warehouse " + o.warehouseId);
                    l.shipped += n;
                    total += n;
                    shipped.put(em.find(Part.class, l.partId).partNumber, n);
                }
            }
            if (total == 0) {
                PartsOrderLine first = lines.stream().filter(l -> l.ordered > l.shipped).findFirst().orElseThrow();
                Warehouse supplier = em.find(Warehouse.class, o.supplierId);
                throw new InsufficientStockException(em.find(Part.class, first.partId).partNumber, supplier.code, 0, first.ordered - first.shipped);
            }
            boolean complete = lines.stream().allMatch(l -> l.shipped >= l.ordered);
            o.status = complete ? PartsOrderStatus.SHIPPED : PartsOrderStatus.PARTIALLY_SHIPPED;
            o.shippedAt = ctx.now();
            o.shippedBy = user.username();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", o.status.name());
            changes.put("shipped", shipped.toString());
            return changes;
        });
    }

    /** The centre receives everything in transit (repair.write): RECEIVED once every line arrived in full. */
    public PartsOrderData receive(CrmUser user, long id) {
        user.require(RepairModule.WRITE);
        List<Long> partIds = ctx.jpa().txExpr(TransactionType.Supports, em -> lines(em, id).stream().map(l -> l.partId).toList());
        long warehouseId = ctx.jpa().txExpr(TransactionType.Supports, em -> visible(em, user, id).warehouseId);
        partIds.forEach(p -> stock.ensureBalance(warehouseId, p));
        return change(user, id, false, "receive", (em, o) -> {
            require(o, PartsOrderStatus.SHIPPED, PartsOrderStatus.PARTIALLY_SHIPPED);
            List<PartsOrderLine> lines = lines(em, o.id);
            long total = 0;
            for (PartsOrderLine l : lines) {
                long inTransit = l.shipped - l.received;
                if (inTransit > 0) {
                    stock.move(em, user, o.warehouseId, l.partId, MovementKind.TRANSFER_IN, inTransit, o.supplierId, Records.number("PO", o.id), "parts-order",
                            String.valueOf(o.id), "received from warehouse " + o.supplierId);
                    l.received += inTransit;
                    total += inTransit;
                }
            }
            if (total == 0) {
                throw new ConflictException("nothing_in_transit", "status", "parts order " + Records.number("PO", o.id) + " has nothing in transit to receive", "repair.nothingInTransit", Records.number("PO", o.id));
            }
            if (lines.stream().allMatch(l -> l.received >= l.ordered)) {
                o.status = PartsOrderStatus.RECEIVED;
            }
            o.receivedAt = ctx.now();
            o.receivedBy = user.username();
            return Map.of("status", o.status.name(), "received", total);
        });
    }

    public PartsOrderData get(CrmUser user, long id) {
        user.require(RepairModule.READ);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> data(em, visible(em, user, id)));
    }

    /** Orders by or to warehouses the user sees, newest first; {@code status} and {@code warehouseId} (either side) optional. */
    public Page<PartsOrderData> search(CrmUser user, String status, Long warehouseId, PageRequest page) {
        user.require(RepairModule.READ);
        Where where = new Where();
        if (status != null && !status.isBlank()) {
            where.and("o.status = :status", "status", Devices.enumValue(PartsOrderStatus.class, "status", status));
        }
        if (warehouseId != null) {
            where.and("(o.warehouseId = :w OR o.supplierId = :w)", "w", warehouseId);
        }
        ScopeFilter scope = ctx.scopes().filter(user);
        if (scope.isNothing()) {
            return new Page<>(List.of(), 0);
        }
        where.and(scope, "(" + scope.condition("o.centreAccountId") + " OR o.supplierId IN (SELECT w.id FROM Warehouse w WHERE "
                + scope.condition("w.accountId") + "))");
        if (page.query() != null) {
            Long number = Records.parseNumber("PO", page.query());
            where.and("o.id = :id", "id", number == null ? -1L : number);
        }
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            return where.page(em, "SELECT o", "SELECT COUNT(o)", "PartsOrder o", " ORDER BY o.id DESC", PartsOrder.class, page)
                    .map(o -> data(em, o));
        });
    }

    @FunctionalInterface
    private interface Change {
        Map<String, Object> apply(EntityManager em, PartsOrder o);
    }

    /** Locks the order; the supplier's side ({@code supplierSide}) or the ordering side must be in the user's scope. */
    private PartsOrderData change(CrmUser user, long id, boolean supplierSide, String action, Change change) {
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            PartsOrder o = visible(em, user, id);
            Warehouse side = em.find(Warehouse.class, supplierSide ? o.supplierId : o.warehouseId);
            ctx.scopes().require(user, side.accountId, "warehouse " + side.code);
            em.refresh(o, LockModeType.PESSIMISTIC_WRITE);
            Map<String, Object> changes = change.apply(em, o);
            em.flush();
            ctx.audit(user, RECORD, o.id, action, changes, em.find(Warehouse.class, o.warehouseId).accountId);
            return data(em, o);
        });
    }

    private static void require(PartsOrder o, PartsOrderStatus... allowed) {
        for (PartsOrderStatus s : allowed) {
            if (o.status == s) {
                return;
            }
        }
        throw new ConflictException("invalid_status", "status", "parts order " + Records.number("PO", o.id) + " is " + o.status + "; this needs "
                + java.util.Arrays.toString(allowed), "repair.partsOrderWrongStatus", Records.number("PO", o.id), "partsOrderStatus." + o.status);
    }

    private PartsOrder visible(EntityManager em, CrmUser user, long id) {
        PartsOrder o = em.find(PartsOrder.class, id);
        if (o == null) {
            throw new RecordNotFoundException("parts order", id);
        }
        Warehouse supplier = em.find(Warehouse.class, o.supplierId);
        if (!ctx.scopes().canSee(user, o.centreAccountId) && !ctx.scopes().canSee(user, supplier.accountId)) {
            throw new RecordNotFoundException("parts order", id);
        }
        return o;
    }

    private static List<PartsOrderLine> lines(EntityManager em, long orderId) {
        return new ArrayList<>(em.createQuery("SELECT l FROM PartsOrderLine l WHERE l.orderId = :o ORDER BY l.id", PartsOrderLine.class)
                .setParameter("o", orderId).getResultList());
    }

    private static PartsOrderData data(EntityManager em, PartsOrder o) {
        List<PartsOrderLineData> lines = lines(em, o.id).stream().map(l -> {
            Part p = em.find(Part.class, l.partId);
            return new PartsOrderLineData(l.partId, p.partNumber, p.name, l.ordered, l.shipped, l.received, l.ordered - l.shipped, l.shipped - l.received);
        }).toList();
        return new PartsOrderData(o.id, Records.number("PO", o.id), o.warehouseId, o.centreAccountId, o.supplierId, o.status.name(), o.note,
                o.rejectionReason, lines, o.submittedAt, o.submittedBy, o.approvedAt, o.approvedBy, o.shippedAt, o.shippedBy, o.receivedAt, o.receivedBy,
                o.version);
    }
}
