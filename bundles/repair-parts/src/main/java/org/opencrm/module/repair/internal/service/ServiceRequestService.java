package org.opencrm.module.repair.internal.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.repair.api.RepairEvents;
import org.opencrm.module.repair.internal.RepairModule;
import org.opencrm.module.repair.internal.dto.NewServiceRequest;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.RouteRequest;
import org.opencrm.module.repair.internal.dto.ServiceRequestData;
import org.opencrm.module.repair.internal.dto.ServiceRequestSearch;
import org.opencrm.module.repair.internal.model.RequestStatus;
import org.opencrm.module.repair.internal.model.ServiceRequest;
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
 * The service desk: requests from any channel against a contact (and optionally a device), routed to a service centre,
 * with an owner and a due time from the channel's SLA; overdue requests escalate (see {@link #escalateOverdue}).
 * A request routed to a centre is seen by that centre's staff; an unrouted one by HQ and by whoever opened it.
 */
@Component(service = ServiceRequestService.class)
public class ServiceRequestService {
    static final String RECORD = Records.SERVICE_REQUEST;
    static final int ESCALATION_BATCH = 200;
    private final RepairContext ctx;
    private final StockService stock;

    @Activate
    public ServiceRequestService(@Reference RepairContext ctx, @Reference StockService stock) {
        this.ctx = ctx;
        this.stock = stock;
    }

    public ServiceRequestData create(CrmUser user, NewServiceRequest in) {
        user.require(RepairModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        if (in.channel() == null) {
            throw new InvalidInputException("channel", "channel is required (HOTLINE, WEB, STORE or SMS)", "required");
        }
        ctx.requireContact(user, in.contactId(), "contactId", in.centreAccountId());
        String description = Validation.required("description", in.description(), 1000);
        String imei = Devices.imei("imei", in.imei());
        String serial = Validation.optional("serialNumber", in.serialNumber(), 32);
        String model = Validation.optional("modelCode", in.modelCode(), 32);
        String owner = Validation.optional("owner", in.owner(), 64);
        if (in.centreAccountId() != null) {
            ctx.scopes().require(user, in.centreAccountId(), "service centre " + in.centreAccountId());
            stock.ensureCentre(user, in.centreAccountId());
        }
        Instant now = ctx.now();
        ServiceRequestData created = ctx.jpa().txExpr(TransactionType.Required, em -> {
            ServiceRequest r = new ServiceRequest();
            r.channel = in.channel();
            r.contactId = in.contactId();
            r.imei = imei;
            r.serialNumber = serial;
            r.modelCode = model == null ? null : model.toUpperCase(Locale.ROOT);
            r.description = description;
            r.centreAccountId = in.centreAccountId();
            r.owner = owner != null ? owner : user.username();
            r.status = RequestStatus.OPEN;
            r.dueAt = now.plus(ctx.settings().terms().slaFor(in.channel()));
            r.nextEscalationAt = r.dueAt;
            r.createdAt = now;
            r.createdBy = user.username();
            em.persist(r);
            em.flush();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("channel", r.channel.name());
            changes.put("contactId", r.contactId);
            changes.put("imei", r.imei);
            changes.put("centreAccountId", r.centreAccountId);
            changes.put("owner", r.owner);
            changes.put("dueAt", r.dueAt.toString());
            ctx.audit(user, RECORD, r.id, "create", changes, r.centreAccountId);
            ctx.timeline(r.contactId, user, "SERVICE_REQUEST_OPENED", "Service request " + Records.number("SR", r.id) + " opened (" + r.channel + ")",
                    description, RECORD, r.id, "timeline.title.requestOpened", Records.number("SR", r.id), "@channel." + r.channel);
            return Records.request(r, now);
        });
        ctx.post(RepairEvents.SERVICE_REQUEST_CREATED, user, RepairEvents.ID, created.id(), RepairEvents.NUMBER, created.number(), RepairEvents.CONTACT_ID,
                created.contactId(), RepairEvents.CENTRE_ACCOUNT_ID, created.centreAccountId(), RepairEvents.CHANNEL, created.channel());
        return created;
    }

    public ServiceRequestData get(CrmUser user, long id) {
        user.require(RepairModule.READ);
        return ctx.jpa().txExpr(TransactionType.Supports, em -> Records.request(visible(em, user, id), ctx.now()));
    }

    /**
     * The queue. Without a status: open requests (OPEN, IN_REPAIR), the earliest due (so the overdue ones) first;
     * status ALL: every request, newest first; a status: those, earliest due first. {@code q}: a request number, an
     * IMEI or an owner prefix.
     */
    public Page<ServiceRequestData> search(CrmUser user, ServiceRequestSearch criteria, PageRequest page) {
        user.require(RepairModule.READ);
        ServiceRequestSearch c = criteria == null ? new ServiceRequestSearch(null, null, null, null, null, null) : criteria;
        Where where = new Where();
        String order = " ORDER BY r.dueAt, r.id";
        String status = c.status() == null || c.status().isBlank() ? null : c.status().strip().toUpperCase(Locale.ROOT);
        if (status == null) {
            where.and("r.status IN :open", "open", List.of(RequestStatus.OPEN, RequestStatus.IN_REPAIR));
        } else if (status.equals("ALL")) {
            order = " ORDER BY r.id DESC";
        } else {
            where.and("r.status = :status", "status", Devices.enumValue(RequestStatus.class, "status", status));
        }
        ScopeFilter scope = ctx.scopes().filter(user);
        if (!scope.isUnrestricted()) {
            // requests of the centres in scope, and the user's own that no centre has taken yet
            where.and(scope, "(" + scope.condition("r.centreAccountId") + " OR (r.centreAccountId IS NULL AND r.createdBy = :me))");
            where.param("me", user.username());
        }
        if (c.centreAccountId() != null) {
            where.and("r.centreAccountId = :centre", "centre", c.centreAccountId());
        }
        if (c.contactId() != null) {
            where.and("r.contactId = :contact", "contact", c.contactId());
        }
        if (c.owner() != null && !c.owner().isBlank()) {
            where.and("r.owner = :owner", "owner", c.owner().strip());
        }
        if (Boolean.TRUE.equals(c.overdue())) {
            where.and("r.status IN :openOnly AND r.dueAt < :now", "openOnly", List.of(RequestStatus.OPEN, RequestStatus.IN_REPAIR))
                    .param("now", ctx.now());
        }
        String q = page.query() != null ? page.query() : c.q() == null || c.q().isBlank() ? null : c.q().strip();
        if (q != null) {
            Long number = q.toUpperCase(Locale.ROOT).startsWith("SR") ? Records.parseNumber("SR", q) : null;
            if (number != null) {
                where.and("r.id = :id", "id", number);
            } else if (q.chars().allMatch(Character::isDigit) && q.length() >= 6) {
                where.and("r.imei LIKE :imei", "imei", q + "%");
            } else {
                where.and("r.owner LIKE :ownerPrefix ESCAPE '\\'", "ownerPrefix", Queries.escapeLike(q) + "%");
            }
        }
        Instant now = ctx.now();
        String sort = order;
        return ctx.jpa().txExpr(TransactionType.Supports, em -> {
            return where.page(em, "SELECT r", "SELECT COUNT(r)", "ServiceRequest r", sort, ServiceRequest.class, page).map(r -> Records.request(r, now));
        });
    }

    /** Routes the request to a service centre and/or gives it an owner ({@code version} required). */
    public ServiceRequestData route(CrmUser user, long id, RouteRequest in) {
        user.require(RepairModule.WRITE);
        if (in == null) {
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
        }
        String owner = Validation.optional("owner", in.owner(), 64);
        if (in.centreAccountId() == null && owner == null) {
            throw new InvalidInputException("centreAccountId", "centreAccountId or owner is required", "repair.centreRequired");
        }
        if (in.centreAccountId() != null) {
            ctx.scopes().require(user, in.centreAccountId(), "service centre " + in.centreAccountId());
            stock.ensureCentre(user, in.centreAccountId());
        }
        return change(user, id, in.version(), "route", (em, r) -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            if (in.centreAccountId() != null && !in.centreAccountId().equals(r.centreAccountId)) {
                r.centreAccountId = in.centreAccountId();
                changes.put("centreAccountId", r.centreAccountId);
                String centre = ctx.customers().account(r.centreAccountId).map(a -> a.name()).orElse(String.valueOf(r.centreAccountId));
                ctx.timeline(r.contactId, user, "SERVICE_REQUEST_ROUTED", "Service request " + Records.number("SR", r.id) + " routed to " + centre, null,
                        RECORD, r.id, "timeline.title.requestRouted", Records.number("SR", r.id), centre);
            }
            if (owner != null) {
                r.owner = owner;
                changes.put("owner", owner);
            }
            return changes;
        });
    }

    /** Resolved: OPEN or IN_REPAIR → CLOSED with the resolution in {@code note}. */
    public ServiceRequestData close(CrmUser user, long id, NoteInput in) {
        return finish(user, id, in, RequestStatus.CLOSED, "resolution");
    }

    /** Withdrawn: OPEN or IN_REPAIR → CANCELLED with the reason in {@code note}. */
    public ServiceRequestData cancel(CrmUser user, long id, NoteInput in) {
        return finish(user, id, in, RequestStatus.CANCELLED, "reason");
    }

    private ServiceRequestData finish(CrmUser user, long id, NoteInput in, RequestStatus target, String what) {
        user.require(RepairModule.WRITE);
        String note = Validation.required("note", in == null ? null : in.note(), 1000);
        ServiceRequestData done = change(user, id, null, target == RequestStatus.CLOSED ? "close" : "cancel", (em, r) -> {
            r.status = target;
            r.resolution = note;
            r.closedAt = ctx.now();
            r.closedBy = user.username();
            ctx.timeline(r.contactId, user, "SERVICE_REQUEST_" + target.name(), "Service request " + Records.number("SR", r.id) + " "
                    + target.name().toLowerCase(Locale.ROOT), note, RECORD, r.id,
                    "timeline.title.requestStatus", Records.number("SR", r.id), "@requestStatus." + target.name());
            return Map.of("status", target.name(), what, note);
        });
        ctx.post(RepairEvents.SERVICE_REQUEST_CLOSED, user, RepairEvents.ID, id, RepairEvents.NUMBER, done.number(), RepairEvents.STATUS, done.status());
        return done;
    }

    @FunctionalInterface
    private interface Change {
        Map<String, Object> apply(EntityManager em, ServiceRequest r);
    }

    /** Locks an open request in scope, checks the version when given, applies, audits. */
    private ServiceRequestData change(CrmUser user, long id, Long version, String action, Change change) {
        return ctx.jpa().txExpr(TransactionType.Required, em -> {
            ServiceRequest r = visible(em, user, id);
            em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
            if (version != null || action.equals("route")) {
                Queries.checkVersion("service request", id, version, r.version);
            }
            if (!r.status.isOpen()) {
                throw new ConflictException("invalid_status", "status", "service request " + Records.number("SR", id) + " is " + r.status + "; only open requests change", "repair.requestNotOpen", Records.number("SR", id), "requestStatus." + r.status);
            }
            Map<String, Object> changes = change.apply(em, r);
            em.flush();
            ctx.audit(user, RECORD, r.id, action, changes, r.centreAccountId);
            return Records.request(r, ctx.now());
        });
    }

    ServiceRequest visible(EntityManager em, CrmUser user, long id) {
        ServiceRequest r = em.find(ServiceRequest.class, id);
        // no centre yet: HQ's (canSee of no account) and its creator's
        if (r == null || !(ctx.scopes().canSee(user, r.centreAccountId) || (r.centreAccountId == null && user.username().equals(r.createdBy)))) {
            throw new RecordNotFoundException("service request", id);
        }
        return r;
    }

    /** A repair order was received for the request (inside the order's transaction): OPEN → IN_REPAIR. */
    void repairStarted(EntityManager em, CrmUser user, long requestId, long orderId, long centreAccountId) {
        ServiceRequest r = visible(em, user, requestId);
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        if (r.status != RequestStatus.OPEN) {
            throw new ConflictException("invalid_status", "serviceRequestId", "service request " + Records.number("SR", requestId) + " is " + r.status
                    + (r.repairOrderId == null ? "" : " with repair order " + Records.number("RO", r.repairOrderId)), "repair.requestIs", Records.number("SR", requestId), "requestStatus." + r.status);
        }
        r.status = RequestStatus.IN_REPAIR;
        r.repairOrderId = orderId;
        if (r.centreAccountId == null) {
            r.centreAccountId = centreAccountId;
        }
        ctx.audit(user, RECORD, r.id, "repair", Map.of("status", r.status.name(), "repairOrderId", orderId), r.centreAccountId);
    }

    /** The repair order ended (returned or cancelled): its request is CLOSED. */
    void repairEnded(EntityManager em, CrmUser user, Long requestId, String resolution) {
        ServiceRequest r = requestId == null ? null : em.find(ServiceRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.status.isOpen()) {
            return;
        }
        r.status = RequestStatus.CLOSED;
        r.resolution = resolution;
        r.closedAt = ctx.now();
        r.closedBy = user.username();
        ctx.audit(user, RECORD, r.id, "close", Map.of("status", r.status.name(), "resolution", resolution), r.centreAccountId);
    }

    /** Escalation now (repair.admin); the periodic job calls {@link #escalateOverdue()}. Returns how many escalated. */
    public int escalateOverdue(CrmUser user) {
        user.require(RepairModule.ADMIN);
        return escalate(user);
    }

    /** The periodic run, as the system user. */
    public int escalateOverdue() {
        return escalate(CrmUser.SYSTEM);
    }

    /**
     * Every open request whose next escalation is due goes one level up, is stamped and looked at again after
     * {@code escalationRepeatHours}; one short transaction per request (the row locked), so the desk never waits long.
     */
    private int escalate(CrmUser user) {
        int escalated = 0;
        while (true) {
            Instant now = ctx.now();
            List<Long> due = ctx.jpa().txExpr(TransactionType.Supports, em -> em.createQuery(
                    "SELECT r.id FROM ServiceRequest r WHERE r.status IN :open AND r.nextEscalationAt <= :now ORDER BY r.nextEscalationAt", Long.class)
                    .setParameter("open", List.of(RequestStatus.OPEN, RequestStatus.IN_REPAIR)).setParameter("now", now).setMaxResults(ESCALATION_BATCH)
                    .getResultList());
            int batch = 0;
            for (Long id : due) {
                Integer level = ctx.jpa().txExpr(TransactionType.Required, em -> {
                    ServiceRequest r = em.find(ServiceRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
                    if (r == null || !r.status.isOpen() || r.nextEscalationAt.isAfter(now)) {
                        return null;
                    }
                    r.escalationLevel++;
                    r.escalatedAt = now;
                    r.nextEscalationAt = now.plus(ctx.settings().terms().escalationRepeat());
                    ctx.audit(user, RECORD, r.id, "escalate", Map.of("level", r.escalationLevel, "dueAt", r.dueAt.toString()), r.centreAccountId);
                    return r.escalationLevel;
                });
                if (level != null) {
                    batch++;
                    ctx.post(RepairEvents.SERVICE_REQUEST_ESCALATED, user, RepairEvents.ID, id, RepairEvents.NUMBER, Records.number("SR", id),
                            RepairEvents.LEVEL, level);
                }
            }
            escalated += batch;
            if (due.size() < ESCALATION_BATCH || batch == 0) {
                return escalated;
            }
        }
    }
}
