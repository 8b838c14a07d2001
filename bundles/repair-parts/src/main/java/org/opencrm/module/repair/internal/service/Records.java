package org.opencrm.module.repair.internal.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.opencrm.module.repair.internal.dto.MovementData;
import org.opencrm.module.repair.internal.dto.PartData;
import org.opencrm.module.repair.internal.dto.QuoteData;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.ServiceRequestData;
import org.opencrm.module.repair.internal.dto.StepData;
import org.opencrm.module.repair.internal.dto.WarehouseData;
import org.opencrm.module.repair.internal.model.OrderStep;
import org.opencrm.module.repair.internal.model.Part;
import org.opencrm.module.repair.internal.model.RepairOrder;
import org.opencrm.module.repair.internal.model.ServiceRequest;
import org.opencrm.module.repair.internal.model.StockMovement;
import org.opencrm.module.repair.internal.model.Warehouse;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.money.Money;

/** Entities to DTOs, and the human numbers of records (SR00000012, RO…, PO…, PR…). */
public final class Records {
    /** 10 million yuan: more than any part, quote or labour charge (0 allowed: a free part, no labour). */
    static final Money MAX_CHARGE = Money.ofFen(1_000_000_000L);
    public static final String SERVICE_REQUEST = "repair-service-request";
    public static final String REPAIR_ORDER = "repair-order";
    public static final String PART = "repair-part";
    public static final String WAREHOUSE = "repair-warehouse";
    public static final String REPLACEMENT = "repair-replacement";
    public static final String PARTS_ORDER = "repair-parts-order";
    public static final String PART_RETURN = "repair-part-return";
    public static final String FAULT_CODE = "repair-fault-code";

    private Records() {
    }

    /** "SR" and the id in 8 digits. */
    public static String number(String prefix, long id) {
        return prefix + String.format(Locale.ROOT, "%08d", id);
    }

    /** The id of "SR00000012", "sr12" or "12" for the prefix; null when the text is not such a number. */
    public static Long parseNumber(String prefix, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.startsWith(prefix)) {
            t = t.substring(prefix.length());
        }
        if (t.isEmpty() || t.length() > 18 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(t);
    }

    /** A path id that must be a number of this kind, else 404-worthy null is turned into a 400 naming the field. */
    public static long requireNumber(String prefix, String field, String text) {
        Long id = parseNumber(prefix, text);
        if (id == null) {
            throw new InvalidInputException(field, "'" + text + "' is not a " + prefix + " number", "repair.notANumber", text, prefix);
        }
        return id;
    }

    static boolean overdue(ServiceRequest r, Instant now) {
        return r.status.isOpen() && r.dueAt.isBefore(now);
    }

    static ServiceRequestData request(ServiceRequest r, Instant now) {
        return new ServiceRequestData(r.id, number("SR", r.id), r.channel.name(), r.contactId, r.imei, r.serialNumber, r.modelCode, r.description,
                r.centreAccountId, r.owner, r.status.name(), r.dueAt, overdue(r, now), r.escalationLevel, r.escalatedAt, r.repairOrderId, r.resolution,
                r.createdAt, r.createdBy, r.closedAt, r.closedBy, r.version);
    }

    static RepairOrderData order(RepairOrder o, List<OrderStep> steps) {
        QuoteData quote = new QuoteData(o.quoteStatus.name(), Money.yuan(o.quotePartsFen), Money.yuan(o.quoteLabourFen),
                Money.yuan(o.quotePartsFen + o.quoteLabourFen), Money.CURRENCY, o.quotedAt, o.quotedBy, o.quoteDecidedAt, o.quoteDecidedBy);
        return new RepairOrderData(o.id, number("RO", o.id), o.serviceRequestId, o.contactId, o.centreAccountId, o.imei, o.serialNumber, o.modelCode,
                o.status.name(), o.status.next().stream().map(Enum::name).toList(), o.technician, o.symptom, o.faultCode, o.cause, o.faultyPartNumber,
                o.inWarranty, o.warrantySource.name(), o.warrantyNote, quote, o.receivedAt, o.receivedBy, o.statusAt, o.statusBy, o.version,
                steps == null ? null : steps.stream().map(Records::step).toList(), Boolean.TRUE.equals(o.physicalDamage), Boolean.TRUE.equals(o.liquidDamage),
                o.accessories);
    }

    static StepData step(OrderStep s) {
        return new StepData(s.fromStatus == null ? null : s.fromStatus.name(), s.status.name(), s.occurredAt, s.actor, s.note);
    }

    static PartData part(Part p) {
        List<String> models = Arrays.stream(p.models.split("\\|")).filter(m -> !m.isEmpty()).toList();
        return new PartData(p.id, p.partNumber, p.name, models, Money.yuan(p.costFen), Money.yuan(p.priceFen), Money.CURRENCY, p.active, p.version);
    }

    static WarehouseData warehouse(Warehouse w) {
        return new WarehouseData(w.id, w.code, w.name, w.kind.name(), w.accountId, w.supplierId, w.active);
    }

    static MovementData movement(StockMovement m, String partNumber) {
        return new MovementData(m.id, m.warehouseId, m.partId, partNumber, m.kind.name(), m.quantity, m.balanceAfter, m.counterWarehouseId, m.transferId,
                m.refType, m.refId, m.note, m.occurredAt, m.actor);
    }
}
