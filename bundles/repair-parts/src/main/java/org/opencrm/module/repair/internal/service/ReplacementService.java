package org.opencrm.module.repair.internal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.api.RepairEvents;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.ApprovalInput;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.ReplacementData;
import org.opencrm.module.repair.internal.dto.ReplacementInput;
import org.opencrm.module.repair.internal.model.MovementKind;
import org.opencrm.module.repair.internal.model.Part;
import org.opencrm.module.repair.internal.model.QuoteStatus;
import org.opencrm.module.repair.internal.model.RepairOrder;
import org.opencrm.module.repair.internal.model.RepairStatus;
import org.opencrm.module.repair.internal.model.Replacement;
import org.opencrm.module.repair.internal.model.ReplacementStatus;
import org.opencrm.module.repair.internal.model.StockMovement;
import org.opencrm.module.repair.internal.model.Warehouse;
import org.opencrm.platform.api.AccessDeniedException;
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
 * Part replacement requests of repair orders. An in-warranty replacement is paid by the maker and needs HQ approval
 * (repair.approve); an out-of-warranty one is approved by the centre (repair.write) once the customer accepted the
 * quote. Approval issues the part from the centre's stock in the same transaction (locking the request, then the
 * order, then the stock row: of two approvals racing for the last unit exactly one wins, the other gets 409
 * insufficient_stock and stays PENDING) and records the serial of the part taken out.
 */
@Component(service = ReplacementService.class)
public class ReplacementService {
    static final String RECORD = Records.REPLACEMENT;
    static final int MAX_QUANTITY = 20;
    private static final Set<RepairStatus> WORKING = java.util.EnumSet.of(RepairStatus.DIAGNOSED, RepairStatus.WAITING_FOR_PARTS, RepairStatus.REPAIRING);
    private final RepairContext ctx;
    private final StockService stock;
    private final PartCatalogService parts;
    private final RepairOrderService orders;

    @Activate
    public ReplacementService(@Reference RepairContext ctx, @Reference StockService stock, @Reference PartCatalogService parts,
            @Reference RepairOrderService orders) {
        this.ctx = ctx;
        this.stock = stock;
        this.parts = parts;
        this.orders = orders;
    }

    /** A part for a diagnosed order, from the centre's stock (default quantity 1). */
    public ReplacementData request(CrmUser user, long repairOrderId, ReplacementInput in) {
        user.require(RepairModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        int quantity = in.quantity() == null ? 1 : in.quantity();
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidInputException("quantity", "quantity must be from 1 to " + MAX_QUANTITY, "repair.quantityRange", MAX_QUANTITY);
        }
        String note = Validation.optional("note", in.note(), 500);
        String removedSerial = Validation.optional("removedSerial", in.removedSerial(), 64);
        long centre = ctx.jpa().txExpr(TransactionType.Supports, em -> orders.visible(em, user, repairOrderId).centreAccountId);
        Warehouse warehouse = stock.ensureCentre(user, centre);
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            RepairOrder o = orders.lockOpen(em, user, repairOrderId);
            Part part = parts.require(em, "partNumber", in.partNumber());
            if (!part.active) {
                throw new InvalidInputException("partNumber", "part " + part.partNumber + " is no longer used", "repair.partRetired", part.partNumber);
            }
            if (!WORKING.contains(o.status)) {
                throw new ConflictException("invalid_status", "status", "parts are requested for a diagnosed order in the workshop; repair order "
                        + Records.number("RO", o.id) + " is " + o.status, "repair.partsNeedDiagnosed", Records.number("RO", o.id), "orderStatus." + o.status);
            }
            Replacement r = new Replacement();
            r.repairOrderId = o.id;
            r.centreAccountId = o.centreAccountId;
            r.warehouseId = warehouse.id;
            r.partId = part.id;
            r.quantity = quantity;
            r.inWarranty = o.inWarranty;
            r.status = ReplacementStatus.PENDING;
            r.note = note;
            r.removedSerial = removedSerial;
            r.requestedAt = ctx.now();
            r.requestedBy = user.username();
            em.persist(r);
            em.flush();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("repairOrderId", o.id);
            changes.put("partNumber", part.partNumber);
            changes.put("quantity", quantity);
            changes.put("inWarranty", r.inWarranty);
            changes.put("removedSerial", removedSerial);
            ctx.audit(user, RECORD, r.id, "request", changes, o.centreAccountId);
            return data(r, part);
        });
    }

    /**
     * Approves and issues the part. In warranty: repair.approve (403 before anything is read otherwise). Out of
     * warranty: repair.write and an accepted quote. 409 insufficient_stock when the centre lacks the part; nothing written.
     */
    public ReplacementData approve(CrmUser user, long id, ApprovalInput in) {
        if (!user.hasPermission(RepairModule.WRITE) && !user.hasPermission(RepairModule.APPROVE)) {
            throw new AccessDeniedException(RepairModule.APPROVE);
        }
        // the removed part's serial comes from the centre's request; an approver gives it only when the request had none
        String given = Validation.optional("removedSerial", in == null ? null : in.removedSerial(), 64);
        String fitted = Validation.optional("fittedSerial", in == null ? null : in.fittedSerial(), 64);
        String note = Validation.optional("note", in == null ? null : in.note(), 500);
        Object[] issued = new Object[2];
        ReplacementData approved = ctx.jpa().txExpr(TransactionType.Required, em -> {
            Replacement r = lockPending(em, user, id);
            String removed = given != null ? given : r.removedSerial;
            if (removed == null) {
                throw new InvalidInputException("removedSerial", "removedSerial is required: the serial of the part taken out (the centre gives it with its request)",
                        "required");
            }
            RepairOrder o = orders.lockOpen(em, user, r.repairOrderId);
            if (!o.inWarranty && o.quoteStatus != QuoteStatus.ACCEPTED) {
                throw new ConflictException("quote_required", "quote", "repair order " + Records.number("RO", o.id)
                        + " is out of warranty: the customer must accept the quote before parts are issued", "repair.quoteRequiredForParts", Records.number("RO", o.id));
            }
            Part part = em.find(Part.class, r.partId);
            StockMovement m = stock.move(em, user, r.warehouseId, r.partId, MovementKind.ISSUE, -r.quantity, null, null, "replacement", String.valueOf(r.id),
                    Records.number("RO", o.id) + (note == null ? "" : ": " + note));
            r.status = ReplacementStatus.APPROVED;
            r.removedSerial = removed;
            r.fittedSerial = fitted;
            r.decidedAt = ctx.now();
            r.decidedBy = user.username();
            r.movementId = m.id;
            em.flush();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", r.status.name());
            changes.put("removedSerial", removed);
            changes.put("fittedSerial", fitted);
            changes.put("movementId", m.id);
            ctx.audit(user, RECORD, r.id, "approve", changes, r.centreAccountId);
            ctx.timeline(o.contactId, user, "REPAIR_PART_REPLACED", "Part " + part.partNumber + " (" + part.name + ") replaced in " + Records.number("RO", o.id),
                    "Removed part serial " + removed, RepairOrderService.RECORD, o.id,
                    "timeline.title.partReplaced", part.partNumber, part.name, Records.number("RO", o.id));
            issued[0] = m;
            issued[1] = part.partNumber;
            return data(r, part);
        });
        StockMovement m = (StockMovement) issued[0];
        ctx.post(RepairEvents.PART_ISSUED, user, RepairEvents.ID, id, RepairEvents.REPAIR_ORDER_ID, approved.repairOrderId(), RepairEvents.PART_NUMBER,
                issued[1], RepairEvents.WAREHOUSE_ID, approved.warehouseId());
        ctx.post(RepairEvents.STOCK_CHANGED, user, RepairEvents.WAREHOUSE_ID, m.warehouseId, RepairEvents.PART_NUMBER, issued[1], RepairEvents.KIND,
                m.kind.name(), RepairEvents.QUANTITY, m.quantity, RepairEvents.BALANCE, m.balanceAfter);
        return approved;
    }

    /** Rejects with the reason in {@code note}; the same permission as approval. */
    public ReplacementData reject(CrmUser user, long id, NoteInput in) {
        String reason = Validation.required("note", in == null ? null : in.note(), 500);
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            Replacement r = lockPending(em, user, id);
            r.status = ReplacementStatus.REJECTED;
            r.rejectionReason = reason;
            r.decidedAt = ctx.now();
            r.decidedBy = user.username();
            ctx.audit(user, RECORD, r.id, "reject", Map.of("status", r.status.name(), "reason", reason), r.centreAccountId);
            return data(r, em.find(Part.class, r.partId));
        });
    }

    /** A pending request in the user's scope, locked; 403 without the permission its warranty needs, 409 when decided. */
    private Replacement lockPending(EntityManager em, CrmUser user, long id) {
        Replacement r = em.find(Replacement.class, id);
        if (r == null) {
            throw new RecordNotFoundException("replacement request", id);
        }
        user.require(r.inWarranty ? RepairModule.APPROVE : RepairModule.WRITE);
        if (!ctx.scopes().canSee(user, r.centreAccountId)) {
            throw new RecordNotFoundException("replacement request", id);
        }
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        if (r.status != ReplacementStatus.PENDING) {
            throw new ConflictException("invalid_status", "status", "replacement request " + id + " is " + r.status + " already", "repair.replacementIs", id, "replacementStatus." + r.status);
        }
        return r;
    }

    public ReplacementData get(CrmUser user, long id) {
        user.require(RepairModule.READ);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            Replacement r = em.find(Replacement.class, id);
            if (r == null || !ctx.scopes().canSee(user, r.centreAccountId)) {
                throw new RecordNotFoundException("replacement request", id);
            }
            return data(r, em.find(Part.class, r.partId));
        });
    }

    /** The requests of one order, oldest first. */
    public List<ReplacementData> forOrder(CrmUser user, long repairOrderId) {
        user.require(RepairModule.READ);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            orders.visible(em, user, repairOrderId);
            return em.createQuery("SELECT r, p FROM Replacement r, Part p WHERE p.id = r.partId AND r.repairOrderId = :o ORDER BY r.id", Object[].class)
                    .setParameter("o", repairOrderId).getResultList().stream().map(row -> data((Replacement) row[0], (Part) row[1])).toList();
        });
    }

    /**
     * Requests by status (default PENDING) within the user's scope, oldest first: with {@code inWarranty} = true the HQ
     * approval inbox.
     */
    public Page<ReplacementData> search(CrmUser user, String status, Boolean inWarranty, PageRequest page) {
        user.require(RepairModule.READ);
        ReplacementStatus s = status == null || status.isBlank() ? ReplacementStatus.PENDING : Devices.enumValue(ReplacementStatus.class, "status", status);
        Where where = new Where().and("p.id = r.partId AND r.status = :status");
        where.param("status", s);
        if (inWarranty != null) {
            where.and("r.inWarranty = :w", "w", inWarranty);
        }
        ScopeFilter scope = ctx.scopes().filter(user);
        if (scope.isNothing()) {
            return new Page<>(List.of(), 0);
        }
        where.and(scope, scope.condition("r.centreAccountId"));
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            return where.page(em, "SELECT r, p", "SELECT COUNT(r)", "Replacement r, Part p", " ORDER BY r.id", Object[].class, page)
                    .map(row -> data((Replacement) row[0], (Part) row[1]));
        });
    }

    static ReplacementData data(Replacement r, Part p) {
        return new ReplacementData(r.id, r.repairOrderId, r.centreAccountId, r.warehouseId, r.partId, p.partNumber, p.name, r.quantity, r.inWarranty,
                r.status.name(), r.note, r.removedSerial, r.fittedSerial, r.rejectionReason, r.requestedAt, r.requestedBy, r.decidedAt, r.decidedBy, r.version);
    }
}
