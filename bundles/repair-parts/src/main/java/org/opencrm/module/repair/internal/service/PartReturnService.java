package org.opencrm.module.repair.internal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.PartReturnData;
import org.opencrm.module.repair.internal.dto.PartReturnInput;
import org.opencrm.module.repair.internal.dto.ReturnLineData;
import org.opencrm.module.repair.internal.dto.ReturnLineInput;
import org.opencrm.module.repair.internal.model.Part;
import org.opencrm.module.repair.internal.model.PartReturn;
import org.opencrm.module.repair.internal.model.PartReturnLine;
import org.opencrm.module.repair.internal.model.RepairOrder;
import org.opencrm.module.repair.internal.model.Replacement;
import org.opencrm.module.repair.internal.model.ReturnStatus;
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
 * Defective parts sent back to HQ for analysis, each linked to the repair order it came out of (and the replacement
 * that took it out). They are not stock, so they write no ledger rows: SHIPPED by the centre → RECEIVED (inspected) at HQ.
 */
@Component(service = PartReturnService.class)
public class PartReturnService {
    static final String RECORD = Records.PART_RETURN;
    static final int MAX_LINES = 200;
    private final RepairContext ctx;
    private final StockService stock;
    private final PartCatalogService parts;

    @Activate
    public PartReturnService(@Reference RepairContext ctx, @Reference StockService stock, @Reference PartCatalogService parts) {
        this.ctx = ctx;
        this.stock = stock;
        this.parts = parts;
    }

    public PartReturnData create(CrmUser user, PartReturnInput in) {
        user.require(RepairModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        String tracking = Validation.optional("trackingNumber", in.trackingNumber(), 64);
        String note = Validation.optional("note", in.note(), 500);
        if (in.lines() == null || in.lines().isEmpty()) {
            throw new InvalidInputException("lines", "at least one line (repairOrderId, partNumber, serial) is required", "required");
        }
        if (in.lines().size() > MAX_LINES) {
            throw new InvalidInputException("lines", "at most " + MAX_LINES + " lines", "repair.tooManyLines", MAX_LINES);
        }
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            Warehouse from = stock.requireWarehouse(em, "warehouseId", in.warehouseId());
            ctx.scopes().require(user, from.accountId, "warehouse " + from.code);
            Warehouse to = in.toWarehouseId() != null ? stock.requireWarehouse(em, "toWarehouseId", in.toWarehouseId())
                    : em.createQuery("SELECT w FROM Warehouse w WHERE w.kind = :k ORDER BY w.id", Warehouse.class).setParameter("k", WarehouseKind.HQ)
                            .setMaxResults(1).getResultStream().findFirst()
                            .orElseThrow(() -> new InvalidInputException("toWarehouseId", "toWarehouseId is required: there is no HQ warehouse", "required"));
            PartReturn r = new PartReturn();
            r.warehouseId = from.id;
            r.centreAccountId = from.accountId;
            r.toWarehouseId = to.id;
            r.status = ReturnStatus.SHIPPED;
            r.trackingNumber = tracking;
            r.note = note;
            r.shippedAt = ctx.now();
            r.shippedBy = user.username();
            em.persist(r);
            em.flush();
            for (int i = 0; i < in.lines().size(); i++) {
                ReturnLineInput line = in.lines().get(i);
                String field = "lines[" + i + "]";
                if (line == null || line.repairOrderId() == null) {
                    throw new InvalidInputException(field + ".repairOrderId", "the repair order the part came from is required", "required");
                }
                RepairOrder o = em.find(RepairOrder.class, line.repairOrderId());
                if (o == null || !o.centreAccountId.equals(from.accountId)) {
                    throw new InvalidInputException(field + ".repairOrderId", "repair order " + line.repairOrderId() + " is not an order of this centre", "repair.orderNotOfCentre", Records.number("RO", line.repairOrderId()));
                }
                Part p = parts.require(em, field + ".partNumber", line.partNumber());
                if (line.replacementId() != null) {
                    Replacement rep = em.find(Replacement.class, line.replacementId());
                    if (rep == null || !rep.repairOrderId.equals(o.id) || !rep.partId.equals(p.id)) {
                        throw new InvalidInputException(field + ".replacementId", "replacement " + line.replacementId() + " is not a replacement of part "
                                + p.partNumber + " in repair order " + o.id, "repair.replacementMismatch", line.replacementId(), p.partNumber, Records.number("RO", o.id));
                    }
                }
                PartReturnLine l = new PartReturnLine();
                l.returnId = r.id;
                l.repairOrderId = o.id;
                l.partId = p.id;
                l.serial = Validation.optional(field + ".serial", line.serial(), 64);
                l.replacementId = line.replacementId();
                em.persist(l);
            }
            em.flush();
            ctx.audit(user, RECORD, r.id, "ship", Map.of("warehouseId", r.warehouseId, "toWarehouseId", r.toWarehouseId, "lines", in.lines().size()), from.accountId);
            return data(em, r);
        });
    }

    /** SHIPPED → RECEIVED at HQ with the inspection result in {@code note} (repair.stock, on the receiving side). */
    public PartReturnData receive(CrmUser user, long id, NoteInput in) {
        user.require(RepairModule.STOCK);
        String inspection = Validation.optional("note", in == null ? null : in.note(), 1000);
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            PartReturn r = visible(em, user, id);
            Warehouse to = em.find(Warehouse.class, r.toWarehouseId);
            ctx.scopes().require(user, to.accountId, "warehouse " + to.code);
            em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
            if (r.status != ReturnStatus.SHIPPED) {
                throw new ConflictException("invalid_status", "status", "part return " + Records.number("PR", id) + " is " + r.status + " already", "repair.returnIs", Records.number("PR", id), "returnStatus." + r.status);
            }
            r.status = ReturnStatus.RECEIVED;
            r.inspection = inspection;
            r.receivedAt = ctx.now();
            r.receivedBy = user.username();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", r.status.name());
            changes.put("inspection", inspection);
            ctx.audit(user, RECORD, r.id, "receive", changes, em.find(Warehouse.class, r.warehouseId).accountId);
            return data(em, r);
        });
    }

    public PartReturnData get(CrmUser user, long id) {
        user.require(RepairModule.READ);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> data(em, visible(em, user, id)));
    }

    /** Returns from or to warehouses the user sees, newest first; {@code status} and {@code repairOrderId} optional. */
    public Page<PartReturnData> search(CrmUser user, String status, Long repairOrderId, PageRequest page) {
        user.require(RepairModule.READ);
        Where where = new Where();
        if (status != null && !status.isBlank()) {
            where.and("r.status = :status", "status", Devices.enumValue(ReturnStatus.class, "status", status));
        }
        if (repairOrderId != null) {
            where.and("r.id IN (SELECT l.returnId FROM PartReturnLine l WHERE l.repairOrderId = :o)", "o", repairOrderId);
        }
        ScopeFilter scope = ctx.scopes().filter(user);
        if (scope.isNothing()) {
            return new Page<>(List.of(), 0);
        }
        where.and(scope, "(" + scope.condition("r.centreAccountId") + " OR r.toWarehouseId IN (SELECT w.id FROM Warehouse w WHERE "
                + scope.condition("w.accountId") + "))");
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            return where.page(em, "SELECT r", "SELECT COUNT(r)", "PartReturn r", " ORDER BY r.id DESC", PartReturn.class, page)
                    .map(r -> data(em, r));
        });
    }

    private PartReturn visible(EntityManager em, CrmUser user, long id) {
        PartReturn r = em.find(PartReturn.class, id);
        if (r == null || (!ctx.scopes().canSee(user, r.centreAccountId) && !ctx.scopes().canSee(user, em.find(Warehouse.class, r.toWarehouseId).accountId))) {
            throw new RecordNotFoundException("part return", id);
        }
        return r;
    }

    private static PartReturnData data(EntityManager em, PartReturn r) {
        List<ReturnLineData> lines = em.createQuery("SELECT l, p.partNumber FROM PartReturnLine l, Part p WHERE p.id = l.partId AND l.returnId = :r ORDER BY l.id",
                Object[].class).setParameter("r", r.id).getResultList().stream().map(row -> {
                    PartReturnLine l = (PartReturnLine) row[0];
                    return new ReturnLineData(l.repairOrderId, l.partId, (String) row[1], l.serial, l.replacementId);
                }).toList();
        return new PartReturnData(r.id, Records.number("PR", r.id), r.warehouseId, r.centreAccountId, r.toWarehouseId, r.status.name(), r.trackingNumber,
                r.note, r.inspection, lines, r.shippedAt, r.shippedBy, r.receivedAt, r.receivedBy);
    }
}
