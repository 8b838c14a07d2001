package org.opencrm.module.audit.internal.service;

import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.audit.internal.dto.PlanData;
import org.opencrm.module.audit.internal.dto.PlanData.PlanStoreData;
import org.opencrm.module.audit.internal.model.AuditPlan;
import org.opencrm.module.audit.internal.model.PlanStore;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.persistence.Queries;

/**
 * Audit plans: stores chosen by region, by parent partner or as a list, audited every N months (sooner after a low
 * grade) by a supervisor, who then sees those stores. Each store of a plan has its own due date; past it, the entry is
 * overdue until an audit of the store is submitted.
 */
public class PlanService {
    private static final int MAX_STORES = 20_000;

    private final JpaTemplate jpa;
    private final StoreAccess access;
    private final CustomerDirectory directory;
    private final AuditTrail trail;
    private final BusinessClock clock;

    public PlanService(JpaTemplate jpa, StoreAccess access, CustomerDirectory directory, AuditTrail trail, BusinessClock clock) {
        this.jpa = jpa;
        this.access = access;
        this.directory = directory;
        this.trail = trail;
        this.clock = clock;
    }

    public PlanData create(CrmUser user, PlanData in) {
        user.require(ADMIN);
        String name = Validation.required("name", in.name(), 200);
        String supervisor = Validation.required("supervisor", in.supervisor(), 64);
        String manager = Validation.optional("manager", in.manager(), 64);
        String templateCode = in.templateCode() == null || in.templateCode().isBlank() ? TemplateService.DEFAULT_CODE : in.templateCode().trim();
        int every = months("everyMonths", in.everyMonths(), 3);
        int everyLow = months("everyMonthsLowGrade", in.everyMonthsLowGrade(), 1);
        LocalDate firstDue = in.firstDue() == null ? clock.today().plusMonths(everyLow) : in.firstDue();
        Map<Long, AccountRef> stores = new LinkedHashMap<>();
        if (in.storeIds() != null) {
            for (Long id : in.storeIds()) {
                AccountRef a = directory.account(id).filter(x -> access.owns(user, x.id()))
                        .orElseThrow(() -> new InvalidInputException("storeIds", "store " + id + " not found", "audit.storeNotFound", id));
                if (!AuditService.STORE_TYPES.contains(a.type())) {
                    throw new InvalidInputException("storeIds", a.name() + " is not a store", "audit.notAStore", a.name());
                }
                stores.put(a.id(), a);
            }
        }
        if (in.region() != null && !in.region().isBlank() || in.parentAccountId() != null) {
            for (String type : AuditService.STORE_TYPES) {
                for (AccountRef a : directory.findAccounts(user, null, type, MAX_STORES)) {
                    boolean regionOk = in.region() == null || in.region().isBlank() || in.region().equals(a.region());
                    boolean parentOk = in.parentAccountId() == null || below(a, in.parentAccountId());
                    if (regionOk && parentOk) {
                        stores.put(a.id(), a);
                    }
                }
            }
        }
        if (stores.isEmpty()) {
            throw new InvalidInputException("storeIds", "the plan chooses no store", "audit.planNoStores");
        }
        Instant now = clock.now();
        return jpa.txExpr(TransactionType.Required, em -> {
            AuditPlan p = new AuditPlan();
            p.name = name;
            p.templateCode = templateCode;
            p.everyMonths = every;
            p.everyMonthsLowGrade = everyLow;
            p.supervisor = supervisor;
            p.manager = manager;
            p.active = true;
            p.createdAt = now;
            p.createdBy = user.username();
            em.persist(p);
            em.flush();
            for (AccountRef a : stores.values()) {
                PlanStore ps = new PlanStore();
                ps.planId = p.id;
                ps.storeAccountId = a.id();
                ps.storeName = a.name();
                ps.supervisor = supervisor;
                ps.dueDate = firstDue;
                ps.active = true;
                em.persist(ps);
            }
            em.flush();
            trail.record(user.username(), PLAN_TYPE, p.id.toString(), "create", Map.of("name", name, "supervisor", supervisor, "stores", stores.size(),
                    "everyMonths", every, "everyMonthsLowGrade", everyLow), null);
            return toData(em, p, clock.today());
        });
    }

    /** Whether the account is the parent or below it (walks up the tree). */
    private boolean below(AccountRef a, long parentId) {
        Long p = a.parentId();
        for (int depth = 0; p != null && depth < 20; depth++) {
            if (p == parentId) {
                return true;
            }
            p = directory.account(p).map(AccountRef::parentId).orElse(null);
        }
        return false;
    }

    private static int months(String field, Integer value, int dflt) {
        int v = value == null ? dflt : value;
        if (v < 1 || v > 24) {
            throw new InvalidInputException(field, field + " must be 1 to 24 months", "audit.months");
        }
        return v;
    }

    public List<PlanData> list(CrmUser user) {
        user.require(READ);
        LocalDate today = clock.today();
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT p FROM AuditPlan p ORDER BY p.id DESC", AuditPlan.class)
                .getResultList().stream().filter(p -> user.hasPermission(ADMIN) || p.supervisor.equals(user.username()))
                .map(p -> new PlanData(p.id, p.name, p.templateCode, p.everyMonths, p.everyMonthsLowGrade, p.supervisor, p.manager, null, null, null, null,
                        p.active, null))
                .toList());
    }

    public PlanData get(CrmUser user, long id) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            AuditPlan p = em.find(AuditPlan.class, id);
            if (p == null || !(user.hasPermission(ADMIN) || p.supervisor.equals(user.username()))) {
                throw new RecordNotFoundException(PLAN_TYPE, id);
            }
            return toData(em, p, clock.today());
        });
    }

    /**
     * Plans a follow-up audit of a store: its active plan entries (the caller's own, or all with audit.admin) fall due on
     * {@code dueDate}, e.g. after corrective actions of a failed audit. 400 when no plan of the caller covers the store.
     */
    public List<PlanStoreData> followUp(CrmUser user, Long storeId, LocalDate dueDate) {
        user.require(PERFORM);
        if (storeId == null || !access.canSee(user, storeId)) {
            throw new InvalidInputException("storeId", "store " + storeId + " not found", "audit.storeNotFound", storeId);
        }
        if (dueDate == null || dueDate.isBefore(clock.today())) {
            throw new InvalidInputException("dueDate", "the follow-up is due today or later", "audit.followUpDate");
        }
        LocalDate today = clock.today();
        return jpa.txExpr(TransactionType.Required, em -> {
            List<PlanStoreData> moved = new ArrayList<>();
            for (Object[] r : em.createQuery("SELECT ps, p.name FROM PlanStore ps, AuditPlan p WHERE p.id = ps.planId AND ps.storeAccountId = :s "
                    + "AND ps.active = TRUE AND p.active = TRUE", Object[].class).setParameter("s", storeId).getResultList()) {
                PlanStore ps = (PlanStore) r[0];
                if (user.hasPermission(ADMIN) || ps.supervisor.equals(user.username())) {
                    ps.dueDate = dueDate;
                    moved.add(entry(ps, (String) r[1], today));
                    trail.record(user.username(), PLAN_TYPE, ps.planId.toString(), "followUp", Map.of("storeId", storeId, "dueDate", dueDate.toString()),
                            storeId);
                }
            }
            if (moved.isEmpty()) {
                throw new InvalidInputException("storeId", "no plan of yours covers this store", "audit.noPlan");
            }
            return moved;
        });
    }

    /** The supervisor's worklist: plan entries of the stores the user sees, due soonest first; only overdue ones when asked. */
    public Page<PlanStoreData> due(CrmUser user, boolean overdueOnly, boolean mine, PageRequest page) {
        user.require(READ);
        LocalDate today = clock.today();
        StoreAccess.Condition scope = access.filter(user, "ps.storeAccountId");
        String where = " WHERE p.id = ps.planId AND ps.active = TRUE AND p.active = TRUE" + (overdueOnly ? " AND ps.dueDate < :today" : "")
                + (mine ? " AND ps.supervisor = :me" : "") + scope.jpql();
        return jpa.txExpr(TransactionType.Supports, em -> {
            var items = scope.bind(em.createQuery("SELECT ps, p.name FROM PlanStore ps, AuditPlan p" + where + " ORDER BY ps.dueDate, ps.id", Object[].class));
            var count = scope.bind(em.createQuery("SELECT COUNT(ps) FROM PlanStore ps, AuditPlan p" + where, Long.class));
            if (overdueOnly) {
                items.setParameter("today", today);
                count.setParameter("today", today);
            }
            if (mine) {
                items.setParameter("me", user.username());
                count.setParameter("me", user.username());
            }
            return Queries.page(items, count, page).map(r -> entry((PlanStore) r[0], (String) r[1], today));
        });
    }

    private static PlanStoreData entry(PlanStore ps, String planName, LocalDate today) {
        return new PlanStoreData(ps.id, ps.planId, planName, ps.storeAccountId, ps.storeName, ps.supervisor, ps.dueDate, ps.dueDate.isBefore(today),
                ps.lastAuditId);
    }

    private static PlanData toData(EntityManager em, AuditPlan p, LocalDate today) {
        List<PlanStoreData> stores = new ArrayList<>();
        for (PlanStore ps : em.createQuery("SELECT ps FROM PlanStore ps WHERE ps.planId = :p ORDER BY ps.storeName, ps.id", PlanStore.class)
                .setParameter("p", p.id).getResultList()) {
            stores.add(entry(ps, p.name, today));
        }
        return new PlanData(p.id, p.name, p.templateCode, p.everyMonths, p.everyMonthsLowGrade, p.supervisor, p.manager, null, null,
                stores.stream().map(PlanStoreData::storeId).filter(Objects::nonNull).toList(), null, p.active, stores);
    }
}
