package org.opencrm.module.repair.internal.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.api.RepairEvents;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.Diagnosis;
import org.opencrm.module.repair.internal.dto.NewRepairOrder;
import org.opencrm.module.repair.internal.dto.QuoteDecision;
import org.opencrm.module.repair.internal.dto.QuoteInput;
import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.RepairOrderSearch;
import org.opencrm.module.repair.internal.dto.StatusChange;
import org.opencrm.module.repair.internal.model.OrderStep;
import org.opencrm.module.repair.internal.model.QuoteStatus;
import org.opencrm.module.repair.internal.model.RepairOrder;
import org.opencrm.module.repair.internal.model.RepairStatus;
import org.opencrm.module.repair.internal.model.WarrantySource;
import org.opencrm.module.repair.spi.DeviceRegistry;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.money.Money;
import org.opencrm.platform.api.scope.ScopeFilter;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.persistence.CachedTotal;
import org.opencrm.platform.persistence.Queries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Repair orders through their steps ({@link RepairStatus}): each move is checked against the allowed ones (409
 * invalid_transition otherwise, nothing written), stamped with time and user in RP_ORDER_STEP, audited, written to the
 * customer's timeline and posted as an event. Out of warranty, work (waiting for parts, repairing) needs an accepted
 * quote. With the handset registry present ({@link DeviceRegistry}, an optional dynamic reference) the registry decides
 * the warranty and the unit goes IN_REPAIR on receipt and back to SOLD when returned; without it the clerk states the
 * warranty.
 */
@Component(service = RepairOrderService.class)
public class RepairOrderService {
    static final String RECORD = Records.REPAIR_ORDER;
    /** Steps in which a diagnosis is made (RECEIVED) or corrected (before the quality check). */
    private static final Set<RepairStatus> DIAGNOSABLE = java.util.EnumSet.of(RepairStatus.RECEIVED, RepairStatus.DIAGNOSED, RepairStatus.WAITING_FOR_PARTS,
            RepairStatus.REPAIRING);
    private final RepairContext ctx;
    private final StockService stock;
    private final ServiceRequestService requests;
    private final FaultCodeService faultCodes;
    private final PartCatalogService parts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeviceRegistry devices;
    /** The total of HQ's unfiltered list (COUNT over every order is a scan); this node's receipts add to it. */
    private final CachedTotal allOrders = new CachedTotal(60_000);

    @Activate
    public RepairOrderService(@Reference RepairContext ctx, @Reference StockService stock, @Reference ServiceRequestService requests,
            @Reference FaultCodeService faultCodes, @Reference PartCatalogService parts) {
        this.ctx = ctx;
        this.stock = stock;
        this.requests = requests;
        this.faultCodes = faultCodes;
        this.parts = parts;
    }

    /** For tests: the registry as DS would bind it (null: absent). */
    public void setDevices(DeviceRegistry devices) {
        this.devices = devices;
    }

    /** Whether the handset registry is installed right now (the receipt form asks for the warranty only without it). */
    public boolean registryPresent() {
        return devices != null;
    }

    // ---------------------------------------------------------------- receipt

    public RepairOrderData receive(CrmUser user, NewRepairOrder in) {
        user.require(RepairModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        Long contactId = in.contactId();
        if (contactId == null && in.serviceRequestId() != null) {
            contactId = ctx.jpa().txExpr(TransactionType.Supports, em -> requests.visible(em, user, in.serviceRequestId()).contactId);
        }
        ctx.requireContact(user, contactId, "contactId", in.centreAccountId());
        if (in.centreAccountId() == null) {
            throw new InvalidInputException("centreAccountId", "centreAccountId is required (the service centre receiving the device)", "required");
        }
        ctx.scopes().require(user, in.centreAccountId(), "service centre " + in.centreAccountId());
        String symptom = Validation.required("symptom", in.symptom(), 1000);
        String imei = Devices.imei("imei", in.imei());
        String serial = Validation.optional("serialNumber", in.serialNumber(), 32);
        if (imei == null && serial == null) {
            throw new InvalidInputException("imei", "imei or serialNumber is required (the device received)", "required");
        }
        String technician = Validation.optional("technician", in.technician(), 64);
        String clerkNote = Validation.optional("warrantyNote", in.warrantyNote(), 200);
        String model = Optional.ofNullable(Validation.optional("modelCode", in.modelCode(), 32)).map(m -> m.toUpperCase(Locale.ROOT)).orElse(null);
        String accessories = Validation.optional("accessories", in.accessories(), 200);
        boolean physical = Boolean.TRUE.equals(in.physicalDamage());
        boolean liquid = Boolean.TRUE.equals(in.liquidDamage());

        DeviceRegistry registry = devices;
        Optional<DeviceRegistry.Device> device = registry == null ? Optional.empty() : registry.find(imei, serial);
        Warranty w;
        if (device.isPresent()) {
            DeviceRegistry.Device d = device.get();
            if ("IN_REPAIR".equals(d.status())) {
                throw new ConflictException("in_repair", "imei", "device " + d.imei() + " is in repair already", "repair.inRepair", d.imei());
            }
            DeviceRegistry.Warranty check = registry.warranty(d.imei(), ctx.settings().today());
            w = new Warranty(check.inWarranty(), WarrantySource.REGISTRY, check.reason(), "SOLD".equals(d.status()), d.imei(), d.serialNumber(),
                    d.modelCode());
        } else {
            if (in.inWarranty() == null) {
                throw new InvalidInputException("inWarranty", registry == null
                        ? "inWarranty is required: the handset registry is not installed, so the clerk states the warranty"
                        : "inWarranty is required: the handset registry does not know this device, so the clerk states the warranty", "required");
            }
            w = new Warranty(in.inWarranty(), WarrantySource.CLERK, clerkNote, false, imei, serial, model);
        }
        if (w.inWarranty && (physical || liquid)) {
            // 三包 covers faults, not damage: a damaged or wet device is repaired at the customer's cost
            String why = (physical ? "physical damage" : "") + (physical && liquid ? ", " : "") + (liquid ? "liquid damage" : "");
            w = new Warranty(false, WarrantySource.CONDITION, why + (w.note == null ? "" : "; " + w.note), w.markInRepair, w.imei, w.serial, w.model);
        }
        Warranty decided = w;
        stock.ensureCentre(user, in.centreAccountId());
        long contact = contactId;
        Instant now = ctx.now();
        RepairOrderData received = ctx.jpa().txExpr(TransactionType.Required, em -> {
            RepairOrder o = new RepairOrder();
            o.serviceRequestId = in.serviceRequestId();
            o.contactId = contact;
            o.centreAccountId = in.centreAccountId();
            o.imei = decided.imei;
            o.serialNumber = decided.serial;
            o.modelCode = decided.model != null ? decided.model : model;
            o.status = RepairStatus.RECEIVED;
            o.technician = technician;
            o.symptom = symptom;
            o.inWarranty = decided.inWarranty;
            o.physicalDamage = physical;
            o.liquidDamage = liquid;
            o.accessories = accessories;
            o.warrantySource = decided.source;
            o.warrantyNote = decided.note;
            o.quoteStatus = QuoteStatus.NONE;
            o.receivedAt = now;
            o.receivedBy = user.username();
            o.statusAt = now;
            o.statusBy = user.username();
            em.persist(o);
            em.flush();
            if (o.serviceRequestId != null) {
                requests.repairStarted(em, user, o.serviceRequestId, o.id, o.centreAccountId);
            }
            step(em, user, o, null, RepairStatus.RECEIVED, symptom);
            if (decided.markInRepair) {
                registry.markInRepair(user, o.imei, "repair order " + Records.number("RO", o.id));
                o.registryInRepair = true;
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("status", o.status.name());
            changes.put("contactId", o.contactId);
            changes.put("centreAccountId", o.centreAccountId);
            changes.put("imei", o.imei);
            changes.put("inWarranty", o.inWarranty);
            changes.put("physicalDamage", physical);
            changes.put("liquidDamage", liquid);
            changes.put("accessories", accessories);
            changes.put("warrantySource", o.warrantySource.name());
            ctx.audit(user, RECORD, o.id, "receive", changes, o.centreAccountId);
            ctx.timeline(o.contactId, user, "REPAIR_RECEIVED", "Repair order " + Records.number("RO", o.id) + " received"
                    + (o.inWarranty ? " (in warranty)" : " (out of warranty)"), symptom, RECORD, o.id,
                    o.inWarranty ? "timeline.title.receivedInWarranty" : "timeline.title.receivedOutOfWarranty", Records.number("RO", o.id));
            return Records.order(o, steps(em, o.id));
        });
        allOrders.add(1);
        posted(user, received, null);
        return received;
    }

    private record Warranty(boolean inWarranty, WarrantySource source, String note, boolean markInRepair, String imei, String serial, String model) {
    }

    // ---------------------------------------------------------------- reading

    public RepairOrderData get(CrmUser user, long id) {
        user.require(RepairModule.READ);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> Records.order(visible(em, user, id), steps(em, id)));
    }

    /** Scoped, newest first, without steps. {@code q}: an order number (RO…) or an IMEI prefix. */
    public Page<RepairOrderData> search(CrmUser user, RepairOrderSearch criteria, PageRequest page) {
        user.require(RepairModule.READ);
        RepairOrderSearch c = criteria == null ? new RepairOrderSearch(null, null, null, null, null, null) : criteria;
        Where where = new Where();
        ScopeFilter scope = ctx.scopes().filter(user);
        if (scope.isNothing()) {
            return new Page<>(List.of(), 0);
        }
        where.and(scope, scope.condition("o.centreAccountId"));
        if (c.status() != null && !c.status().isBlank()) {
            where.and("o.status = :status", "status", Devices.enumValue(RepairStatus.class, "status", c.status()));
        }
        if (c.centreAccountId() != null) {
            where.and("o.centreAccountId = :centre", "centre", c.centreAccountId());
        }
        if (c.contactId() != null) {
            where.and("o.contactId = :contact", "contact", c.contactId());
        }
        if (c.imei() != null && !c.imei().isBlank()) {
            where.and("o.imei = :imei", "imei", c.imei().replaceAll("[\\s-]", ""));
        }
        if (c.technician() != null && !c.technician().isBlank()) {
            where.and("o.technician = :technician", "technician", c.technician().strip());
        }
        String q = page.query() != null ? page.query() : c.q() == null || c.q().isBlank() ? null : c.q().strip();
        if (q != null) {
            Long number = q.toUpperCase(Locale.ROOT).startsWith("RO") ? Records.parseNumber("RO", q) : null;
            if (number != null) {
                where.and("o.id = :id", "id", number);
            } else {
                where.and("o.imei LIKE :imeiPrefix ESCAPE '\\'", "imeiPrefix", Queries.escapeLike(q) + "%");
            }
        }
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            if (where.unfiltered()) {
                return where.page(em, "SELECT o", "RepairOrder o", " ORDER BY o.id DESC", RepairOrder.class, page,
                        () -> allOrders.get(() -> em.createQuery("SELECT COUNT(o) FROM RepairOrder o", Long.class).getSingleResult()))
                        .map(o -> Records.order(o, null));
            }
            return where.page(em, "SELECT o", "SELECT COUNT(o)", "RepairOrder o", " ORDER BY o.id DESC", RepairOrder.class, page)
                    .map(o -> Records.order(o, null));
        });
    }

    // ---------------------------------------------------------------- the workshop

    /** RECEIVED → DIAGNOSED with a fault code of the catalogue; later calls (before the work ends) correct the diagnosis. */
    public RepairOrderData diagnose(CrmUser user, long id, Diagnosis in) {
        user.require(RepairModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        String cause = Validation.optional("cause", in.cause(), 1000);
        String technician = Validation.optional("technician", in.technician(), 64);
        String note = Validation.optional("note", in.note(), 1000);
        return work(user, id, "diagnose", (em, o) -> {
            String code = faultCodes.requireActive(em, "faultCode", in.faultCode());
            String part = in.faultyPartNumber() == null || in.faultyPartNumber().isBlank() ? null
                    : parts.require(em, "faultyPartNumber", in.faultyPartNumber()).partNumber;
            if (!DIAGNOSABLE.contains(o.status)) {
                throw invalid(o, RepairStatus.DIAGNOSED);
            }
            o.faultCode = code;
            o.cause = cause;
            o.faultyPartNumber = part;
            if (technician != null) {
                o.technician = technician;
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("faultCode", code);
            changes.put("cause", cause);
            changes.put("faultyPartNumber", part);
            if (o.status == RepairStatus.RECEIVED) {
                moveTo(em, user, o, RepairStatus.DIAGNOSED, note != null ? note : code + (cause == null ? "" : ": " + cause));
                changes.put("status", o.status.name());
            }
            return changes;
        });
    }

    /** Dispatches the order to a technician (any step before the end). */
    public RepairOrderData assignTechnician(CrmUser user, long id, String technician) {
        user.require(RepairModule.WRITE);
        String t = Validation.required("technician", technician, 64);
        return work(user, id, "dispatch", (em, o) -> {
            o.technician = t;
            return Map.of("technician", t);
        });
    }

    /** The next step: WAITING_FOR_PARTS, REPAIRING, QUALITY_CHECK, READY, RETURNED or CANCELLED (DIAGNOSED goes through {@link #diagnose}). */
    public RepairOrderData move(CrmUser user, long id, StatusChange in) {
        user.require(RepairModule.WRITE);
        if (in == null || in.status() == null) {
            throw new InvalidInputException("status", "status is required (the step to move to)", "required");
        }
        if (in.status() == RepairStatus.DIAGNOSED) {
            throw new InvalidInputException("faultCode", "a diagnosis needs a fault code: POST /repair-orders/{id}/diagnosis", "repair.diagnosisNeedsFault");
        }
        if (in.status() == RepairStatus.RECEIVED) {
            throw new InvalidInputException("status", "an order is RECEIVED only when it is created", "repair.receivedOnlyAtCreation");
        }
        String note = Validation.optional("note", in.note(), 1000);
        RepairStatus[] previous = new RepairStatus[1];
        RepairOrderData moved = work(user, id, "move", (em, o) -> {
            RepairStatus target = in.status();
            if (!o.status.canMoveTo(target)) {
                throw invalid(o, target);
            }
            if (!o.inWarranty && (target == RepairStatus.WAITING_FOR_PARTS || target == RepairStatus.REPAIRING) && o.quoteStatus != QuoteStatus.ACCEPTED) {
                throw new ConflictException("quote_required", "quote", "repair order " + Records.number("RO", o.id)
                        + " is out of warranty: the customer must accept a quote before the work starts (quote is " + o.quoteStatus + ")", "repair.quoteRequiredForWork", Records.number("RO", o.id), "quoteStatus." + o.quoteStatus);
            }
            previous[0] = o.status;
            moveTo(em, user, o, target, note);
            if (target.isFinal()) {
                DeviceRegistry registry = devices;
                if (o.registryInRepair && registry != null) {
                    registry.repairCompleted(user, o.imei, "repair order " + Records.number("RO", o.id) + " " + target.name().toLowerCase(Locale.ROOT));
                    o.registryInRepair = false;
                }
                requests.repairEnded(em, user, o.serviceRequestId, "repair order " + Records.number("RO", o.id) + " " + target.name().toLowerCase(Locale.ROOT));
            }
            return Map.of("status", target.name(), "from", previous[0].name());
        });
        return moved;
    }

    /** An out-of-warranty quote (parts + labour) for the customer, while DIAGNOSED; a new quote replaces a pending or declined one. */
    public RepairOrderData quote(CrmUser user, long id, QuoteInput in) {
        user.require(RepairModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        long partsFen = Money.ofYuan("parts", in.parts(), Money.Sign.NON_NEGATIVE, Records.MAX_CHARGE).fen();
        long labourFen = Money.ofYuan("labour", in.labour(), Money.Sign.NON_NEGATIVE, Records.MAX_CHARGE).fen();
        return work(user, id, "quote", (em, o) -> {
            if (o.inWarranty) {
                throw new ConflictException("in_warranty", "quote", "repair order " + Records.number("RO", o.id) + " is in warranty: the customer pays nothing", "repair.inWarrantyNoQuote", Records.number("RO", o.id));
            }
            if (o.status != RepairStatus.DIAGNOSED || o.quoteStatus == QuoteStatus.ACCEPTED) {
                throw new ConflictException("invalid_status", "status", "a quote is made while the order is DIAGNOSED and not yet accepted; "
                        + Records.number("RO", o.id) + " is " + o.status + " with the quote " + o.quoteStatus, "repair.quoteWhenDiagnosed", Records.number("RO", o.id), "orderStatus." + o.status, "quoteStatus." + o.quoteStatus);
            }
            o.quoteStatus = QuoteStatus.PENDING;
            o.quotePartsFen = partsFen;
            o.quoteLabourFen = labourFen;
            o.quotedAt = ctx.now();
            o.quotedBy = user.username();
            o.quoteDecidedAt = null;
            o.quoteDecidedBy = null;
            String total = Money.yuan(partsFen + labourFen).toPlainString();
            ctx.timeline(o.contactId, user, "REPAIR_QUOTED", "Repair quote CNY " + total + " for " + Records.number("RO", o.id),
                    "Parts CNY " + Money.yuan(partsFen).toPlainString() + " + labour CNY " + Money.yuan(labourFen).toPlainString(), RECORD, o.id,
                    "timeline.title.quoted", total, Records.number("RO", o.id));
            return Map.of("quote", "PENDING", "parts", Money.yuan(partsFen), "labour", Money.yuan(labourFen));
        });
    }

    /** The customer's answer: PENDING → ACCEPTED (the work may start) or DECLINED (the device goes back READY, unrepaired). */
    public RepairOrderData decideQuote(CrmUser user, long id, QuoteDecision in) {
        user.require(RepairModule.WRITE);
        if (in == null || in.accepted() == null) {
            throw new InvalidInputException("accepted", "accepted is required (true or false)", "required");
        }
        String note = Validation.optional("note", in.note(), 1000);
        return work(user, id, "quote-decision", (em, o) -> {
            if (o.quoteStatus != QuoteStatus.PENDING) {
                throw new ConflictException("invalid_status", "quote", "repair order " + Records.number("RO", o.id) + " has no pending quote (quote is "
                        + o.quoteStatus + ")", "repair.noPendingQuote", Records.number("RO", o.id), "quoteStatus." + o.quoteStatus);
            }
            o.quoteStatus = in.accepted() ? QuoteStatus.ACCEPTED : QuoteStatus.DECLINED;
            o.quoteDecidedAt = ctx.now();
            o.quoteDecidedBy = user.username();
            ctx.timeline(o.contactId, user, in.accepted() ? "REPAIR_QUOTE_ACCEPTED" : "REPAIR_QUOTE_DECLINED", "Repair quote of " + Records.number("RO", o.id)
                    + (in.accepted() ? " accepted" : " declined"), note, RECORD, o.id,
                    in.accepted() ? "timeline.title.quoteAccepted" : "timeline.title.quoteDeclined", Records.number("RO", o.id));
            return Map.of("quote", o.quoteStatus.name());
        });
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Work {
        Map<String, Object> apply(EntityManager em, RepairOrder o);
    }

    /** Locks the order (in scope, not final), applies the work, audits; posts the status event after the commit. */
    private RepairOrderData work(CrmUser user, long id, String action, Work work) {
        RepairStatus[] before = new RepairStatus[1];
        RepairOrderData done = ctx.jpa().txExpr(TransactionType.Required, em -> {
            RepairOrder o = lockOpen(em, user, id);
            before[0] = o.status;
            Map<String, Object> changes = work.apply(em, o);
            em.flush();
            ctx.audit(user, RECORD, o.id, action, changes, o.centreAccountId);
            return Records.order(o, steps(em, o.id));
        });
        if (!done.status().equals(before[0].name())) {
            posted(user, done, before[0].name());
        }
        return done;
    }

    /** The order in the user's scope, locked, and not RETURNED or CANCELLED (409 otherwise). */
    RepairOrder lockOpen(EntityManager em, CrmUser user, long id) {
        RepairOrder o = visible(em, user, id);
        em.refresh(o, LockModeType.PESSIMISTIC_WRITE);
        if (o.status.isFinal()) {
            throw new ConflictException("invalid_status", "status", "repair order " + Records.number("RO", id) + " is " + o.status + " and does not change any more", "repair.orderFinal", Records.number("RO", id), "orderStatus." + o.status);
        }
        return o;
    }

    RepairOrder visible(EntityManager em, CrmUser user, long id) {
        RepairOrder o = em.find(RepairOrder.class, id);
        if (o == null || !ctx.scopes().canSee(user, o.centreAccountId)) {
            throw new RecordNotFoundException("repair order", id);
        }
        return o;
    }

    private void moveTo(EntityManager em, CrmUser user, RepairOrder o, RepairStatus target, String note) {
        RepairStatus from = o.status;
        o.status = target;
        o.statusAt = ctx.now();
        o.statusBy = user.username();
        step(em, user, o, from, target, note);
        ctx.timeline(o.contactId, user, "REPAIR_" + target.name(), "Repair order " + Records.number("RO", o.id) + ": " + label(target), note, RECORD, o.id,
                "timeline.title.orderStatus", Records.number("RO", o.id), "@orderStatus." + target.name());
    }

    private void step(EntityManager em, CrmUser user, RepairOrder o, RepairStatus from, RepairStatus to, String note) {
        OrderStep s = new OrderStep();
        s.orderId = o.id;
        s.fromStatus = from;
        s.status = to;
        s.occurredAt = ctx.now();
        s.actor = user.username();
        s.note = note;
        em.persist(s);
    }

    private static List<OrderStep> steps(EntityManager em, long orderId) {
        return em.createQuery("SELECT s FROM OrderStep s WHERE s.orderId = :o ORDER BY s.id", OrderStep.class).setParameter("o", orderId).getResultList();
    }

    static ConflictException invalid(RepairOrder o, RepairStatus target) {
        return new ConflictException("invalid_transition", "status", "repair order " + Records.number("RO", o.id) + " is " + o.status + " and cannot move to "
                + target + "; allowed: " + o.status.next(), "repair.orderTransition", Records.number("RO", o.id), "orderStatus." + o.status, "orderStatus." + target);
    }

    private static String label(RepairStatus s) {
        return switch (s) {
            case RECEIVED -> "received";
            case DIAGNOSED -> "diagnosed";
            case WAITING_FOR_PARTS -> "waiting for parts";
            case REPAIRING -> "being repaired";
            case QUALITY_CHECK -> "in quality check";
            case READY -> "ready for collection";
            case RETURNED -> "returned to the customer";
            case CANCELLED -> "cancelled";
        };
    }

    private void posted(CrmUser user, RepairOrderData o, String previous) {
        ctx.post(RepairEvents.REPAIR_ORDER_STATUS_CHANGED, user, RepairEvents.ID, o.id(), RepairEvents.NUMBER, o.number(), RepairEvents.CONTACT_ID,
                o.contactId(), RepairEvents.STATUS, o.status(), RepairEvents.PREVIOUS_STATUS, previous, RepairEvents.IMEI, o.imei(),
                RepairEvents.CENTRE_ACCOUNT_ID, o.centreAccountId());
    }

    /** The service request of an order, for pages that link them. */
    public Optional<Long> requestOf(CrmUser user, long orderId) {
        return Optional.ofNullable(get(user, orderId).serviceRequestId());
    }
}
