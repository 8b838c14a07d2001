package org.opencrm.module.audit.internal.service;

import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.audit.internal.dto.ActionData;
import org.opencrm.module.audit.internal.dto.AuditData.PhotoData;
import org.opencrm.module.audit.internal.dto.Requests;
import org.opencrm.module.audit.internal.model.Audit;
import org.opencrm.module.audit.internal.model.AuditItem;
import org.opencrm.module.audit.internal.model.AuditPhoto;
import org.opencrm.module.audit.internal.model.CorrectiveAction;
import org.opencrm.module.audit.internal.model.Enums.ActionStatus;
import org.opencrm.module.audit.internal.model.Enums.Severity;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.Queries;

/**
 * Corrective actions: one per failed item of a submitted audit, owned by the store, due by severity. The franchisee
 * (a user whose own data scope holds the store) responds with a text and evidence photos; the supervisor accepts
 * (CLOSED) or reopens (OPEN again). An action not closed by its due date (business time zone) is overdue; the
 * escalation run hands it once to the supervisor's manager (the plan's manager, else the configured one).
 */
public class ActionService {
    private final JpaTemplate jpa;
    private final StoreAccess access;
    private final AuditTrail trail;
    private final TimelineService timeline;
    private final CrmEventPublisher events;
    private final BusinessClock clock;
    private final Supplier<AuditSettings> settings;

    public ActionService(JpaTemplate jpa, StoreAccess access, AuditTrail trail, TimelineService timeline, CrmEventPublisher events,
            BusinessClock clock, Supplier<AuditSettings> settings) {
        this.jpa = jpa;
        this.access = access;
        this.trail = trail;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** Inside the submit transaction: an action for each failed item. */
    int createFor(EntityManager em, Audit a, List<AuditItem> failed, AuditSettings s) {
        Instant now = clock.now();
        for (AuditItem i : failed) {
            CorrectiveAction c = newAction(a, i, s, now);
            em.persist(c);
            em.flush();
            trail.record(a.auditor, ACTION_TYPE, c.id.toString(), "create", Map.of("auditId", a.id, "item", c.itemCode, "dueDate", c.dueDate.toString(),
                    "severity", c.severity.name()), a.storeAccountId);
            events.post(EVENT_ACTION_CREATED, a.auditor, "actionId", c.id, "auditId", a.id, "storeId", a.storeAccountId, "dueDate", c.dueDate.toString());
        }
        return failed.size();
    }

    /** The action for a failed item of a submitted audit: OPEN, due by the item's severity, the auditor its supervisor. */
    static CorrectiveAction newAction(Audit a, AuditItem i, AuditSettings s, Instant now) {
        CorrectiveAction c = new CorrectiveAction();
        c.auditId = a.id;
        c.auditItemId = i.id;
        c.storeAccountId = a.storeAccountId;
        c.storeName = a.storeName;
        c.itemCode = i.code;
        c.question = i.question;
        c.severity = i.critical ? Severity.CRITICAL : i.severity;
        c.supervisor = a.auditor;
        c.dueDate = a.auditDate.plusDays(s.dueDays(i.severity, i.critical));
        c.status = ActionStatus.OPEN;
        c.createdAt = now;
        return c;
    }

    /** Actions the user sees: of one store, one audit, one status, only overdue ones; due soonest first. */
    public Page<ActionData> list(CrmUser user, Long storeId, Long auditId, String status, boolean overdueOnly, PageRequest page) {
        user.require(READ);
        StoreAccess.Condition scope = access.filter(user, "c.storeAccountId");
        StringBuilder where = new StringBuilder(" WHERE c.id IS NOT NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (storeId != null) {
            where.append(" AND c.storeAccountId = :store");
            params.put("store", storeId);
        }
        if (auditId != null) {
            where.append(" AND c.auditId = :audit");
            params.put("audit", auditId);
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND c.status = :status");
            params.put("status", TemplateService.parse(ActionStatus.class, "status", status));
        }
        LocalDate today = clock.today();
        if (overdueOnly) {
            where.append(" AND c.status <> :closed AND c.dueDate < :today");
            params.put("closed", ActionStatus.CLOSED);
            params.put("today", today);
        }
        where.append(scope.jpql());
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<CorrectiveAction> items = scope.bind(em.createQuery("SELECT c FROM CorrectiveAction c" + where + " ORDER BY c.dueDate, c.id",
                    CorrectiveAction.class));
            TypedQuery<Long> count = scope.bind(em.createQuery("SELECT COUNT(c) FROM CorrectiveAction c" + where, Long.class));
            params.forEach((k, v) -> {
                items.setParameter(k, v);
                count.setParameter(k, v);
            });
            return Queries.page(items, count, page).map(c -> toData(c, today, List.of()));
        });
    }

    /**
     * The actions with their questions in the reader's language: the text the audit's template version has in it, else
     * the question as the audit copied it (the version's own language).
     */
    public List<ActionData> inLanguage(List<ActionData> actions, Locale reader) {
        if (actions.isEmpty()) {
            return actions;
        }
        String language = TemplateService.languageOf(reader);
        Map<Long, String> questions = new java.util.HashMap<>();
        jpa.tx(TransactionType.Supports, em -> {
            for (Object[] r : em.createQuery("SELECT ai.id, x.question FROM AuditItem ai, TemplateItemText x WHERE ai.id IN :ids "
                    + "AND x.templateItemId = ai.templateItemId AND x.language = :l", Object[].class)
                    .setParameter("ids", actions.stream().map(ActionData::auditItemId).distinct().toList()).setParameter("l", language).getResultList()) {
                questions.put((Long) r[0], (String) r[1]);
            }
        });
        return questions.isEmpty() ? actions : actions.stream().map(a -> !questions.containsKey(a.auditItemId()) ? a
                : new ActionData(a.id(), a.auditId(), a.auditItemId(), a.storeId(), a.storeName(), a.itemCode(), questions.get(a.auditItemId()), a.severity(),
                        a.supervisor(), a.dueDate(), a.overdue(), a.status(), a.response(), a.respondedBy(), a.respondedAt(), a.verifyNote(), a.verifiedBy(),
                        a.verifiedAt(), a.reopenCount(), a.escalatedAt(), a.escalatedTo(), a.lockVersion(), a.evidence())).toList();
    }

    public ActionData get(CrmUser user, long id) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> full(em, visible(em, user, id)));
    }

    private CorrectiveAction visible(EntityManager em, CrmUser user, long id) {
        CorrectiveAction c = em.find(CorrectiveAction.class, id);
        if (c == null || !access.canSee(user, c.storeAccountId)) {
            throw new RecordNotFoundException(ACTION_TYPE, id);
        }
        return c;
    }

    /** The franchisee answers: only a user whose own data scope holds the store (a supervisor does not answer for it). */
    private CorrectiveAction answerable(EntityManager em, CrmUser user, long id) {
        CorrectiveAction c = visible(em, user, id);
        if (!access.owns(user, c.storeAccountId)) {
            throw org.opencrm.platform.api.ScopeDeniedException.outside(c.storeName == null ? "store " + c.storeAccountId : c.storeName);
        }
        if (c.status == ActionStatus.CLOSED) {
            throw new ConflictException("closed", "status", "action " + id + " is closed", "audit.actionClosed", id);
        }
        return c;
    }

    public ActionData respond(CrmUser user, long id, Requests.Respond in) {
        user.require(READ);
        String response = Validation.required("response", in.response(), 2000);
        return jpa.txExpr(TransactionType.Required, em -> {
            CorrectiveAction c = answerable(em, user, id);
            c.response = response;
            c.respondedBy = user.username();
            c.respondedAt = clock.now();
            c.status = ActionStatus.RESPONDED;
            em.flush();
            trail.record(user.username(), ACTION_TYPE, c.id.toString(), "respond", Map.of("response", response), c.storeAccountId);
            events.post(EVENT_ACTION_RESPONDED, user.username(), "actionId", c.id, "storeId", c.storeAccountId);
            return full(em, c);
        });
    }

    /** An evidence photo of the franchisee's correction. */
    public PhotoData addEvidence(CrmUser user, long id, String fileName, byte[] bytes, AuditService audits) {
        user.require(READ);
        Photos.Checked checked = Photos.check(bytes, settings.get().maxPhotoBytes());
        String name = Validation.optional("fileName", fileName, 200);
        return jpa.txExpr(TransactionType.Required, em -> {
            CorrectiveAction c = answerable(em, user, id);
            AuditPhoto p = audits.photo(c.auditId, c.storeAccountId, c.auditItemId, c.id, name, bytes, checked, user);
            em.persist(p);
            em.flush();
            trail.record(user.username(), PHOTO_TYPE, p.id.toString(), "add", Map.of("actionId", c.id, "size", p.size, "type", p.contentType),
                    c.storeAccountId);
            return AuditService.photoData(p);
        });
    }

    /** The supervisor accepts the correction (CLOSED) or reopens the action (OPEN, a new due date is not set). */
    public ActionData verify(CrmUser user, long id, Requests.Verify in) {
        user.require(VERIFY);
        if (in.accept() == null) {
            throw new InvalidInputException("accept", "accept is required (true: accept, false: reopen)", "required");
        }
        String note = Validation.optional("note", in.note(), 1000);
        return jpa.txExpr(TransactionType.Required, em -> {
            CorrectiveAction c = visible(em, user, id);
            if (c.status != ActionStatus.RESPONDED) {
                throw new ConflictException("not_responded", "status", "action " + id + " has no response to verify", "audit.actionNotResponded", id);
            }
            Instant now = clock.now();
            c.verifiedBy = user.username();
            c.verifiedAt = now;
            c.verifyNote = note;
            if (in.accept()) {
                c.status = ActionStatus.CLOSED;
                timeline.record(new TimelineEntry(null, null, c.storeAccountId, ID, TIMELINE_ACTION_CLOSED, c.itemCode + " " + c.question,
                        note, now, user.username(), ACTION_TYPE, c.id.toString()));
            } else {
                c.status = ActionStatus.OPEN;
                c.reopenCount++;
            }
            em.flush();
            trail.record(user.username(), ACTION_TYPE, c.id.toString(), in.accept() ? "accept" : "reopen", Map.of("note", note == null ? "" : note),
                    c.storeAccountId);
            events.post(EVENT_ACTION_VERIFIED, user.username(), "actionId", c.id, "storeId", c.storeAccountId, "accepted", in.accept());
            return full(em, c);
        });
    }

    /**
     * Hands every overdue action not escalated yet to the supervisor's manager, once (a conditional update: two nodes
     * running it at once escalate each action once). Returns how many were escalated.
     */
    public int escalateOverdue() {
        LocalDate today = clock.today();
        String fallback = settings.get().escalationManager();
        return jpa.txExpr(TransactionType.Required, em -> {
            List<CorrectiveAction> due = em.createQuery("SELECT c FROM CorrectiveAction c WHERE c.status <> :closed AND c.dueDate < :today "
                    + "AND c.escalatedAt IS NULL ORDER BY c.id", CorrectiveAction.class).setParameter("closed", ActionStatus.CLOSED)
                    .setParameter("today", today).setMaxResults(1000).getResultList();
            Instant now = clock.now();
            int count = 0;
            for (CorrectiveAction c : due) {
                String manager = manager(em, c.storeAccountId, fallback);
                int won = em.createQuery("UPDATE CorrectiveAction c SET c.escalatedAt = :now, c.escalatedTo = :m, c.lockVersion = c.lockVersion + 1 "
                        + "WHERE c.id = :id AND c.escalatedAt IS NULL").setParameter("now", now).setParameter("m", manager).setParameter("id", c.id)
                        .executeUpdate();
                if (won == 1) {
                    count++;
                    trail.record("system", ACTION_TYPE, c.id.toString(), "escalate", Map.of("to", manager, "dueDate", c.dueDate.toString()),
                            c.storeAccountId);
                    events.post(EVENT_ACTION_ESCALATED, "system", "actionId", c.id, "storeId", c.storeAccountId, "manager", manager, "supervisor",
                            c.supervisor);
                }
            }
            return count;
        });
    }

    private static String manager(EntityManager em, long storeId, String fallback) {
        List<String> managers = em.createQuery("SELECT p.manager FROM AuditPlan p, PlanStore ps WHERE ps.planId = p.id AND ps.storeAccountId = :s "
                + "AND ps.active = TRUE AND p.manager IS NOT NULL ORDER BY p.id DESC", String.class).setParameter("s", storeId).setMaxResults(1)
                .getResultList();
        return managers.isEmpty() ? fallback : managers.get(0);
    }

    private ActionData full(EntityManager em, CorrectiveAction c) {
        return toData(c, clock.today(), AuditService.photos(em, "p.actionId = :v", c.id));
    }

    static ActionData toData(CorrectiveAction c, LocalDate today, List<PhotoData> evidence) {
        return new ActionData(c.id, c.auditId, c.auditItemId, c.storeAccountId, c.storeName, c.itemCode, c.question, c.severity.name(), c.supervisor,
                c.dueDate, c.status != ActionStatus.CLOSED && c.dueDate.isBefore(today), c.status.name(), c.response, c.respondedBy, c.respondedAt,
                c.verifyNote, c.verifiedBy, c.verifiedAt, c.reopenCount, c.escalatedAt, c.escalatedTo, c.lockVersion, evidence);
    }
}
