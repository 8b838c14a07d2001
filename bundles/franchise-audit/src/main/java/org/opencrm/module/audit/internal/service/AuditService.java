package org.opencrm.module.audit.internal.service;

import static org.opencrm.module.audit.internal.FranchiseAuditNames.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.module.audit.internal.dto.AuditData;
import org.opencrm.module.audit.internal.dto.AuditData.ItemAnswer;
import org.opencrm.module.audit.internal.dto.AuditData.PhotoData;
import org.opencrm.module.audit.internal.dto.AuditData.SectionScore;
import org.opencrm.module.audit.internal.dto.AuditData.Summary;
import org.opencrm.module.audit.internal.dto.Requests;
import org.opencrm.module.audit.internal.model.Audit;
import org.opencrm.module.audit.internal.model.AuditItem;
import org.opencrm.module.audit.internal.model.AuditPhoto;
import org.opencrm.module.audit.internal.model.AuditTemplate;
import org.opencrm.module.audit.internal.model.Enums.Answer;
import org.opencrm.module.audit.internal.model.Enums.AnswerType;
import org.opencrm.module.audit.internal.model.Enums.AuditStatus;
import org.opencrm.module.audit.internal.model.Enums.TemplateStatus;
import org.opencrm.module.audit.internal.model.PlanStore;
import org.opencrm.module.audit.internal.model.StoreResult;
import org.opencrm.module.audit.internal.model.TemplateItem;
import org.opencrm.module.audit.internal.model.TemplateItemText;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.AccountRef;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.time.BusinessClock;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.Queries;
import org.opencrm.platform.persistence.SqlFailure;
import org.opencrm.platform.persistence.TransactionRetry;

/**
 * Doing audits: start at a store on a published template version, answer the items, attach photos, close with the
 * store manager's acknowledgement, submit. Submitting scores the audit, makes it read-only, creates a corrective action
 * for every failed item, moves the store's next due date in its plans, and writes the store's latest result, the
 * audit trail, the store account's timeline and a crm/audit/SUBMITTED event.
 */
public class AuditService {
    /** Account types that are audited. */
    public static final Set<String> STORE_TYPES = Set.of("STORE", "FRANCHISEE");

    private final JpaTemplate jpa;
    private final StoreAccess access;
    private final CustomerDirectory directory;
    private final AuditTrail trail;
    private final TimelineService timeline;
    private final CrmEventPublisher events;
    private final BusinessClock clock;
    private final TemplateService templates;
    private final ActionService actions;
    private final Supplier<AuditSettings> settings;

    public AuditService(JpaTemplate jpa, StoreAccess access, CustomerDirectory directory, AuditTrail trail, TimelineService timeline,
            CrmEventPublisher events, BusinessClock clock, TemplateService templates, ActionService actions, Supplier<AuditSettings> settings) {
        this.jpa = jpa;
        this.access = access;
        this.directory = directory;
        this.trail = trail;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
        this.templates = templates;
        this.actions = actions;
        this.settings = settings;
    }

    /** A store account the user sees, or 400 naming the field (a store outside one's stores is "not found" there too). */
    AccountRef store(CrmUser user, Long storeId, String field) {
        if (storeId == null) {
            throw new InvalidInputException(field, field + " is required", "required");
        }
        AccountRef account = directory.account(storeId).filter(a -> access.canSee(user, a.id()))
                .orElseThrow(() -> new InvalidInputException(field, "store " + storeId + " not found", "audit.storeNotFound", storeId));
        if (!STORE_TYPES.contains(account.type())) {
            throw new InvalidInputException(field, account.name() + " is not a store", "audit.notAStore", account.name());
        }
        return account;
    }

    public AuditData start(CrmUser user, Requests.StartAudit in) {
        user.require(PERFORM);
        AccountRef store = store(user, in.storeId(), "storeId");
        Instant now = clock.now();
        LocalDate today = clock.dateOf(now);
        return jpa.txExpr(TransactionType.Required, em -> {
            AuditTemplate t;
            if (in.templateId() != null) {
                t = em.find(AuditTemplate.class, in.templateId());
                if (t == null || t.status != TemplateStatus.PUBLISHED) {
                    throw new InvalidInputException("templateId", "template " + in.templateId() + " is not a published version",
                            "audit.templateNotPublished", in.templateId());
                }
            } else {
                t = templates.published(em, in.templateCode() == null || in.templateCode().isBlank() ? TemplateService.DEFAULT_CODE : in.templateCode());
            }
            if (in.planStoreId() != null) {
                PlanStore ps = em.find(PlanStore.class, in.planStoreId());
                if (ps == null || !ps.storeAccountId.equals(store.id())) {
                    throw new InvalidInputException("planStoreId", "plan entry " + in.planStoreId() + " is not of this store", "audit.planMismatch");
                }
            }
            Audit a = new Audit();
            a.templateId = t.id;
            a.storeAccountId = store.id();
            a.storeName = store.name();
            a.region = store.region();
            a.planStoreId = in.planStoreId();
            a.auditor = user.username();
            a.announced = in.announced() == null || in.announced();
            a.status = AuditStatus.IN_PROGRESS;
            a.startedAt = now;
            a.auditDate = today;
            a.auditMonth = today.getYear() * 100 + today.getMonthValue();
            em.persist(a);
            em.flush();
            for (TemplateItem ti : TemplateService.items(em, t.id)) {
                em.persist(copy(a, ti));
            }
            trail.record(user.username(), AUDIT_TYPE, a.id.toString(), "start",
                    Map.of("storeId", a.storeAccountId, "template", t.code + " v" + t.templateVersion, "announced", a.announced), a.storeAccountId);
            events.post(EVENT_STARTED, user.username(), "auditId", a.id, "storeId", a.storeAccountId, "templateId", t.id);
            em.flush();
            return toData(em, a);
        });
    }

    /** The audit's copy of a template version's item (unanswered). */
    static AuditItem copy(Audit a, TemplateItem ti) {
        AuditItem i = new AuditItem();
        i.auditId = a.id;
        i.storeAccountId = a.storeAccountId;
        i.auditDate = a.auditDate;
        i.templateItemId = ti.id;
        i.position = ti.position;
        i.sectionCode = ti.sectionCode;
        i.sectionTitle = ti.sectionTitle;
        i.code = ti.code;
        i.question = ti.question;
        i.weight = ti.weight;
        i.answerType = ti.answerType;
        i.maxScore = ti.maxScore;
        i.naAllowed = ti.naAllowed;
        i.critical = ti.critical;
        i.photoRequiredOnFail = ti.photoRequiredOnFail;
        i.severity = ti.severity;
        return i;
    }

    public AuditData get(CrmUser user, long id) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> toData(em, visible(em, user, id)));
    }

    /** The audit in the viewer's language (see {@link #inLanguage}). */
    public AuditData get(CrmUser user, long id, Locale viewer) {
        return inLanguage(get(user, id), viewer);
    }

    /**
     * The audit's section titles, questions and guidance in the viewer's language: the texts the template version the
     * audit used has in that language, else (and for the version's own language) the version's own words the audit
     * copied. Scores, answers and everything else are as they are.
     */
    public AuditData inLanguage(AuditData a, Locale viewer) {
        String language = TemplateService.languageOf(viewer);
        if (a == null || language.equals(a.language())) {
            return a;
        }
        Map<Long, TemplateItemText> texts = new java.util.HashMap<>();
        jpa.tx(TransactionType.Supports, em -> {
            for (Object[] r : em.createQuery("SELECT ai.id, x FROM AuditItem ai, TemplateItemText x WHERE ai.auditId = :a "
                    + "AND x.templateItemId = ai.templateItemId AND x.language = :l", Object[].class).setParameter("a", a.id()).setParameter("l", language)
                    .getResultList()) {
                texts.put((Long) r[0], (TemplateItemText) r[1]);
            }
        });
        if (texts.isEmpty()) {
            return a;
        }
        Map<String, String> titles = new java.util.HashMap<>();
        List<ItemAnswer> items = a.items().stream().map(i -> {
            TemplateItemText x = texts.get(i.id());
            if (x == null) {
                return i;
            }
            titles.putIfAbsent(i.sectionCode(), x.sectionTitle);
            return new ItemAnswer(i.id(), i.sectionCode(), i.code(), x.question, i.weight(), i.answerType(), i.maxScore(), i.naAllowed(), i.critical(),
                    i.photoRequiredOnFail(), i.severity(), i.answer(), i.score(), i.failed(), i.comment(), x.guidance != null ? x.guidance : i.guidance());
        }).toList();
        List<SectionScore> sections = a.sections().stream().map(s -> new SectionScore(s.code(), titles.getOrDefault(s.code(), s.title()), s.score()))
                .toList();
        return new AuditData(a.id(), a.storeId(), a.storeName(), a.region(), a.templateId(), a.templateCode(), a.templateVersion(), a.auditor(),
                a.announced(), a.status(), a.auditDate(), a.startedAt(), a.submittedAt(), a.score(), a.grade(), a.criticalFailed(), a.comment(),
                a.acknowledgedBy(), a.acknowledgedAt(), a.lockVersion(), sections, items, a.photos(), language);
    }

    /** The audit when the user sees its store; 404 otherwise (the same answer as for an audit that does not exist). */
    Audit visible(EntityManager em, CrmUser user, long id) {
        Audit a = em.find(Audit.class, id);
        if (a == null || !access.canSee(user, a.storeAccountId)) {
            throw new RecordNotFoundException(AUDIT_TYPE, id);
        }
        return a;
    }

    private Audit editable(EntityManager em, CrmUser user, long id) {
        Audit a = visible(em, user, id);
        if (a.status != AuditStatus.IN_PROGRESS) {
            throw new ConflictException("submitted", "status", "audit " + id + " is submitted and read-only; a correction is a new audit",
                    "audit.readOnly", id);
        }
        return a;
    }

    /** Audits the user sees, newest first: of one store, in one status, or only the user's own (mine). */
    public Page<Summary> list(CrmUser user, Long storeId, String status, boolean mine, PageRequest page) {
        user.require(READ);
        StoreAccess.Condition scope = access.filter(user, "a.storeAccountId");
        StringBuilder where = new StringBuilder(" WHERE a.id IS NOT NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (storeId != null) {
            where.append(" AND a.storeAccountId = :store");
            params.put("store", storeId);
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND a.status = :status");
            params.put("status", TemplateService.parse(AuditStatus.class, "status", status));
        }
        if (mine) {
            where.append(" AND a.auditor = :auditor");
            params.put("auditor", user.username());
        }
        where.append(scope.jpql());
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<Audit> items = scope.bind(em.createQuery("SELECT a FROM Audit a" + where + " ORDER BY a.auditDate DESC, a.id DESC", Audit.class));
            TypedQuery<Long> count = scope.bind(em.createQuery("SELECT COUNT(a) FROM Audit a" + where, Long.class));
            params.forEach((k, v) -> {
                items.setParameter(k, v);
                count.setParameter(k, v);
            });
            return Queries.page(items, count, page).map(AuditService::summary);
        });
    }

    static Summary summary(Audit a) {
        return new Summary(a.id, a.storeAccountId, a.storeName, a.region, a.auditor, a.status.name(), a.auditDate, a.score, a.grade);
    }

    public AuditData answer(CrmUser user, long auditId, long itemId, Requests.Answer in) {
        user.require(PERFORM);
        String comment = Validation.optional("comment", in.comment(), 1000);
        return jpa.txExpr(TransactionType.Required, em -> {
            Audit a = editable(em, user, auditId);
            AuditItem i = em.find(AuditItem.class, itemId);
            if (i == null || !i.auditId.equals(a.id)) {
                throw new RecordNotFoundException("audit item", itemId);
            }
            Answer answer = in.answer() == null || in.answer().isBlank() ? null : TemplateService.parse(Answer.class, "answer", in.answer());
            if (answer == Answer.NA && !i.naAllowed) {
                throw new InvalidInputException("answer", i.code + " must be answered (not applicable is not allowed)", "audit.naNotAllowed", i.code);
            }
            if (i.answerType == AnswerType.PASS_FAIL) {
                if (answer == null) {
                    throw new InvalidInputException("answer", "answer PASS, FAIL or NA", "audit.answerRequired", i.code);
                }
                i.answer = answer;
                i.scoreGiven = null;
            } else if (answer == Answer.NA) {
                i.answer = Answer.NA;
                i.scoreGiven = null;
            } else {
                if (answer != null) {
                    throw new InvalidInputException("answer", i.code + " is answered with a score", "audit.scoreRequired", i.code, i.maxScore);
                }
                if (in.score() == null || in.score() < 0 || in.score() > i.maxScore) {
                    throw new InvalidInputException("score", "the score of " + i.code + " must be 0 to " + i.maxScore, "audit.scoreRange", i.code, i.maxScore);
                }
                i.answer = null;
                i.scoreGiven = in.score();
            }
            i.comment = comment;
            em.flush();
            return toData(em, a);
        });
    }

    /** The auditor's closing comment and the store manager's acknowledgement (name; the time is now). */
    public AuditData finish(CrmUser user, long auditId, Requests.Finish in) {
        user.require(PERFORM);
        String comment = Validation.optional("comment", in.comment(), 2000);
        String ack = Validation.optional("acknowledgedBy", in.acknowledgedBy(), 100);
        return jpa.txExpr(TransactionType.Required, em -> {
            Audit a = editable(em, user, auditId);
            a.comment = comment;
            if (ack != null) {
                a.acknowledgedBy = ack;
                a.acknowledgedAt = clock.now();
            }
            em.flush();
            return toData(em, a);
        });
    }

    public AuditData submit(CrmUser user, long auditId) {
        user.require(PERFORM);
        // two submits (or two audits of one store) at once: the loser's transaction runs again and then sees the winner
        return TransactionRetry.standard().when(f -> f.isRetryable() || f == SqlFailure.UNIQUE_VIOLATION).run("submit audit " + auditId,
                () -> jpa.txExpr(TransactionType.Required, em -> submitIn(em, user, auditId)));
    }

    private AuditData submitIn(EntityManager em, CrmUser user, long auditId) {
        Audit a = editable(em, user, auditId);
        AuditSettings s = settings.get();
        List<AuditItem> items = items(em, a.id);
        Set<Long> photographed = new HashSet<>(em.createQuery("SELECT p.auditItemId FROM AuditPhoto p WHERE p.auditId = :a AND p.auditItemId IS NOT NULL",
                Long.class).setParameter("a", a.id).getResultList());
        List<Scoring.Item> scored = new ArrayList<>();
        for (AuditItem i : items) {
            Scoring.Item si = scoringItem(i);
            if (!si.answered()) {
                throw new InvalidInputException("items." + i.code, i.code + " is not answered", "audit.unanswered", i.code);
            }
            if (si.failed() && i.photoRequiredOnFail && !photographed.contains(i.id)) {
                throw new InvalidInputException("items." + i.code, i.code + " failed and needs a photo", "audit.photoRequired", i.code);
            }
            scored.add(si);
        }
        if (a.acknowledgedBy == null) {
            throw new InvalidInputException("acknowledgedBy", "the store manager's acknowledgement is missing", "audit.acknowledgementRequired");
        }
        Scoring.Result result = Scoring.score(scored, s.thresholds());
        if (result.total() == null) {
            throw new InvalidInputException("items", "no item applies: the audit cannot be scored", "audit.nothingApplies");
        }
        Instant now = clock.now();
        a.status = AuditStatus.SUBMITTED;
        a.submittedAt = now;
        a.score = result.total();
        a.grade = result.grade();
        a.criticalFailed = result.criticalFailed();
        List<AuditItem> failed = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            AuditItem i = items.get(k);
            i.failed = scored.get(k).failed();
            if (i.failed) {
                failed.add(i);
            }
        }
        em.flush();
        int created = actions.createFor(em, a, failed, s);
        latestResult(em, a);
        MonthStats.add(em, a, failed);
        nextDue(em, a);
        trail.record(user.username(), AUDIT_TYPE, a.id.toString(), "submit", Map.of("score", a.score.toPlainString(), "grade", a.grade,
                "failedItems", failed.size(), "acknowledgedBy", a.acknowledgedBy), a.storeAccountId);
        timeline.record(new TimelineEntry(null, null, a.storeAccountId, ID, TIMELINE_SUBMITTED, a.score.toPlainString() + " / " + a.grade,
                a.auditor + (failed.isEmpty() ? "" : " · " + failed.size() + " ✗"), now, user.username(), AUDIT_TYPE, a.id.toString()));
        events.post(EVENT_SUBMITTED, user.username(), "auditId", a.id, "storeId", a.storeAccountId, "score", a.score.toPlainString(), "grade",
                a.grade, "criticalFailed", a.criticalFailed, "actions", created);
        return toData(em, a);
    }

    /** The store's latest result (the ranking reads it): replaced unless a later audit is already there. */
    private static void latestResult(EntityManager em, Audit a) {
        int updated = em.createQuery("UPDATE StoreResult r SET r.auditId = :a, r.auditDate = :d, r.score = :s, r.grade = :g, r.storeName = :n, "
                + "r.region = :r, r.auditCount = r.auditCount + 1, r.lockVersion = r.lockVersion + 1 WHERE r.storeAccountId = :store AND r.auditDate <= :d")
                .setParameter("a", a.id).setParameter("d", a.auditDate).setParameter("s", a.score).setParameter("g", a.grade)
                .setParameter("n", a.storeName).setParameter("r", a.region).setParameter("store", a.storeAccountId).executeUpdate();
        if (updated > 0) {
            return;
        }
        StoreResult r = em.find(StoreResult.class, a.storeAccountId);
        if (r != null) {
            r.auditCount++;
            return;
        }
        r = new StoreResult();
        r.storeAccountId = a.storeAccountId;
        r.storeName = a.storeName;
        r.region = a.region;
        r.auditId = a.id;
        r.auditDate = a.auditDate;
        r.score = a.score;
        r.grade = a.grade;
        r.auditCount = 1;
        em.persist(r);
        em.flush();
    }

    /** Every active plan entry of the store is due again: sooner after a low grade (C, D, FAIL). */
    private static void nextDue(EntityManager em, Audit a) {
        boolean low = !("A".equals(a.grade) || "B".equals(a.grade));
        for (Object[] row : em.createQuery("SELECT ps, p.everyMonths, p.everyMonthsLowGrade FROM PlanStore ps, AuditPlan p "
                + "WHERE p.id = ps.planId AND ps.storeAccountId = :s AND ps.active = TRUE AND p.active = TRUE", Object[].class)
                .setParameter("s", a.storeAccountId).getResultList()) {
            PlanStore ps = (PlanStore) row[0];
            int months = low ? (Integer) row[2] : (Integer) row[1];
            ps.dueDate = a.auditDate.plusMonths(months);
            ps.lastAuditId = a.id;
        }
    }

    static List<AuditItem> items(EntityManager em, long auditId) {
        return em.createQuery("SELECT i FROM AuditItem i WHERE i.auditId = :a ORDER BY i.position", AuditItem.class).setParameter("a", auditId)
                .getResultList();
    }

    static Scoring.Item scoringItem(AuditItem i) {
        return new Scoring.Item(i.sectionCode, i.weight, i.answerType, i.maxScore, i.answer, i.scoreGiven, i.critical);
    }

    // ---- photos

    /** A photo of an item (or of the audit as a whole when itemId is null), checked by content before anything is written. */
    public PhotoData addPhoto(CrmUser user, long auditId, Long itemId, String fileName, byte[] bytes) {
        user.require(PERFORM);
        Photos.Checked checked = Photos.check(bytes, settings.get().maxPhotoBytes());
        String name = Validation.optional("fileName", fileName, 200);
        return jpa.txExpr(TransactionType.Required, em -> {
            Audit a = editable(em, user, auditId);
            if (itemId != null) {
                AuditItem i = em.find(AuditItem.class, itemId);
                if (i == null || !i.auditId.equals(a.id)) {
                    throw new InvalidInputException("itemId", "item " + itemId + " is not of audit " + auditId, "audit.itemMismatch", itemId);
                }
            }
            AuditPhoto p = photo(a.id, a.storeAccountId, itemId, null, name, bytes, checked, user);
            em.persist(p);
            em.flush();
            trail.record(user.username(), PHOTO_TYPE, p.id.toString(), "add", Map.of("auditId", a.id, "itemId", itemId == null ? "" : itemId,
                    "size", p.size, "type", p.contentType), a.storeAccountId);
            return photoData(p);
        });
    }

    AuditPhoto photo(long auditId, long storeId, Long itemId, Long actionId, String name, byte[] bytes, Photos.Checked checked, CrmUser user) {
        AuditPhoto p = new AuditPhoto();
        p.auditId = auditId;
        p.storeAccountId = storeId;
        p.auditItemId = itemId;
        p.actionId = actionId;
        p.fileName = name;
        p.contentType = checked.contentType();
        p.size = bytes.length;
        p.width = checked.width();
        p.height = checked.height();
        p.content = bytes;
        p.thumbnail = checked.thumbnail();
        p.createdAt = clock.now();
        p.createdBy = user.username();
        return p;
    }

    /** A photo's bytes and type (the thumbnail when asked), when the user sees its store. */
    public Content photoContent(CrmUser user, long auditId, long photoId, boolean thumbnail) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            AuditPhoto p = em.find(AuditPhoto.class, photoId);
            if (p == null || p.auditId != auditId || !access.canSee(user, p.storeAccountId)) {
                throw new RecordNotFoundException(PHOTO_TYPE, photoId);
            }
            return thumbnail ? new Content("image/jpeg", p.thumbnail) : new Content(p.contentType, p.content);
        });
    }

    public record Content(String contentType, byte[] bytes) {
    }

    static PhotoData photoData(AuditPhoto p) {
        return new PhotoData(p.id, p.auditId, p.auditItemId, p.actionId, p.contentType, p.fileName, p.size, p.width, p.height, p.createdAt, p.createdBy);
    }

    static List<PhotoData> photos(EntityManager em, String where, Object value) {
        List<PhotoData> out = new ArrayList<>();
        for (Object[] r : em.createQuery("SELECT p.id, p.auditId, p.auditItemId, p.actionId, p.contentType, p.fileName, p.size, p.width, p.height, "
                + "p.createdAt, p.createdBy FROM AuditPhoto p WHERE " + where + " ORDER BY p.id", Object[].class).setParameter("v", value).getResultList()) {
            out.add(new PhotoData((Long) r[0], (Long) r[1], (Long) r[2], (Long) r[3], (String) r[4], (String) r[5], (Integer) r[6], (Integer) r[7],
                    (Integer) r[8], (Instant) r[9], (String) r[10]));
        }
        return out;
    }

    AuditData toData(EntityManager em, Audit a) {
        AuditTemplate t = em.find(AuditTemplate.class, a.templateId);
        List<AuditItem> items = items(em, a.id);
        Scoring.Result live = Scoring.score(items.stream().map(AuditService::scoringItem).toList(), settings.get().thresholds());
        Map<String, String> titles = new LinkedHashMap<>();
        items.forEach(i -> titles.putIfAbsent(i.sectionCode, i.sectionTitle));
        List<SectionScore> sections = new ArrayList<>();
        titles.forEach((code, title) -> sections.add(new SectionScore(code, title, live.sections().get(code))));
        Map<Long, String> guidance = new java.util.HashMap<>();
        for (Object[] r : em.createQuery("SELECT i.id, i.guidance FROM TemplateItem i WHERE i.templateId = :t AND i.guidance IS NOT NULL", Object[].class)
                .setParameter("t", a.templateId).getResultList()) {
            guidance.put((Long) r[0], (String) r[1]);
        }
        List<ItemAnswer> answers = items.stream().map(i -> new ItemAnswer(i.id, i.sectionCode, i.code, i.question, i.weight, i.answerType.name(),
                i.maxScore, i.naAllowed, i.critical, i.photoRequiredOnFail, i.severity.name(), i.answer == null ? null : i.answer.name(), i.scoreGiven,
                scoringItem(i).failed(), i.comment, i.templateItemId == null ? null : guidance.get(i.templateItemId))).toList();
        BigDecimal score = a.status == AuditStatus.SUBMITTED ? a.score : live.total();
        String grade = a.status == AuditStatus.SUBMITTED ? a.grade : live.grade();
        return new AuditData(a.id, a.storeAccountId, a.storeName, a.region, a.templateId, t == null ? null : t.code, t == null ? null : t.templateVersion,
                a.auditor, a.announced, a.status.name(), a.auditDate, a.startedAt, a.submittedAt, score, grade,
                a.status == AuditStatus.SUBMITTED ? a.criticalFailed : live.criticalFailed(), a.comment, a.acknowledgedBy, a.acknowledgedAt, a.lockVersion,
                sections, answers, photos(em, "p.auditId = :v AND p.actionId IS NULL", a.id), t == null ? null : t.language);
    }
}
