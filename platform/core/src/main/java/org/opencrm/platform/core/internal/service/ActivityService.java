package org.opencrm.platform.core.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.activity.ActivityRecorder;
import org.opencrm.platform.api.activity.ActivityTypeSet;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.event.CrmEventPublisher;
import org.opencrm.platform.api.event.CrmEvents;
import org.opencrm.platform.api.i18n.Languages;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.platform.core.internal.dto.ActivityData;
import org.opencrm.platform.core.internal.model.Activity;
import org.opencrm.platform.persistence.Queries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Activities: calls, visits, e-mails, SMS, tasks, notes and module-defined types; each also goes on the timeline. Also
 * the {@link ActivityRecorder} modules record theirs with (a payment reminder for an account manager).
 */
@Component(service = { ActivityService.class, ActivityRecorder.class })
public class ActivityService implements ActivityRecorder {
    static final String READ = "core.activity.read";
    static final String WRITE = "core.activity.write";
    public static final List<String> CORE_TYPES = List.of("CALL", "VISIT", "EMAIL", "SMS", "TASK", "NOTE");
    static final Set<String> STATUSES = Set.of("OPEN", "DONE", "CANCELLED");

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final TimelineServiceImpl timeline;
    private final ContactService contacts;
    private final AccountService accounts;
    private final CrmEventPublisher events;
    private final List<ActivityTypeSet> typeSets = new CopyOnWriteArrayList<>();
    private final List<TimelineTypes> texts = new CopyOnWriteArrayList<>();

    @Activate
    public ActivityService(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa, @Reference AuditTrail audit,
            @Reference TimelineServiceImpl timeline, @Reference ContactService contacts, @Reference AccountService accounts,
            @Reference CrmEventPublisher events) {
        this.jpa = jpa;
        this.audit = audit;
        this.timeline = timeline;
        this.contacts = contacts;
        this.accounts = accounts;
        this.events = events;
    }

    /** Public for the test kit, which registers a module's types as the whiteboard does. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addTypeSet(ActivityTypeSet set) {
        typeSets.add(set);
    }

    public void removeTypeSet(ActivityTypeSet set) {
        typeSets.remove(set);
    }

    /** The modules' texts, to keep a module's subject searchable in Chinese too (modules come and go). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addTexts(TimelineTypes t) {
        texts.add(t);
    }

    public void removeTexts(TimelineTypes t) {
        texts.remove(t);
    }

    /** Core types plus those of the modules installed right now. */
    public Set<String> types() {
        Set<String> all = new TreeSet<>(CORE_TYPES);
        typeSets.forEach(s -> all.addAll(s.activityTypes()));
        return all;
    }

    public ActivityData get(CrmUser user, long id) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> toData(visible(user, em, id)));
    }

    private Activity visible(CrmUser user, javax.persistence.EntityManager em, long id) {
        Activity a = em.find(Activity.class, id);
        if (a == null) {
            throw new RecordNotFoundException("activity", id);
        }
        try {
            checkLinks(user, a.contactId, a.accountId);
        } catch (InvalidInputException outOfScope) {
            throw new RecordNotFoundException("activity", id);
        }
        return a;
    }

    /** Lists activities; with no contact or account given, the user's own (owner) activities, overdue first. */
    /** The user's own activities per type (dashboard). */
    public Map<String, Long> countByType(CrmUser user) {
        user.require(READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (Object[] row : em.createQuery("SELECT a.type, COUNT(a) FROM Activity a WHERE a.owner = :o GROUP BY a.type", Object[].class)
                    .setParameter("o", user.username()).getResultList()) {
                counts.put((String) row[0], (Long) row[1]);
            }
            return counts;
        });
    }

    /**
     * How many of the user's own activities are overdue: open, due before {@code today} (the business date). One count on
     * the owner index (the badge on the Activities menu entry); 0 for a user who may not read activities.
     */
    public long overdueCount(CrmUser user, LocalDate today) {
        if (!user.hasPermission(READ)) {
            return 0;
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT COUNT(a) FROM Activity a WHERE a.owner = :o AND a.status = 'OPEN' AND a.dueDate < :today", Long.class)
                .setParameter("o", user.username()).setParameter("today", today).getSingleResult());
    }

    public Page<ActivityData> list(CrmUser user, PageRequest page, Long contactId, Long accountId, String owner, String status) {
        user.require(READ);
        if (contactId != null) {
            contacts.get(user, contactId);
        }
        if (accountId != null) {
            accounts.get(user, accountId);
        }
        String effectiveOwner = contactId == null && accountId == null ? (owner == null ? user.username() : owner) : owner;
        if (effectiveOwner != null && !effectiveOwner.equals(user.username()) && contactId == null && accountId == null) {
            user.require("core.activity.team");
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> p = new HashMap<>();
            if (contactId != null) {
                where.append(" AND a.contactId = :c");
                p.put("c", contactId);
            }
            if (accountId != null) {
                where.append(" AND a.accountId = :acc");
                p.put("acc", accountId);
            }
            if (effectiveOwner != null) {
                where.append(" AND a.owner = :o");
                p.put("o", effectiveOwner);
            }
            if (status != null) {
                if (!STATUSES.contains(status)) {
                    throw new InvalidInputException("status", "'" + status + "' is not one of " + STATUSES, "notOneOf", status, STATUSES);
                }
                where.append(" AND a.status = :s");
                p.put("s", status);
            }
            if (page.query() != null) {
                where.append(" AND (LOWER(a.subject) LIKE :q ESCAPE '\\' OR LOWER(a.subjectWords) LIKE :q ESCAPE '\\')");
                p.put("q", Queries.prefixPattern(page.query()));
            }
            var items = em.createQuery("SELECT a FROM Activity a" + where + " ORDER BY a.dueDate, a.id DESC", Activity.class);
            var count = em.createQuery("SELECT COUNT(a) FROM Activity a" + where, Long.class);
            p.forEach((k, v) -> {
                items.setParameter(k, v);
                count.setParameter(k, v);
            });
            return Queries.page(items, count, page).map(ActivityService::toData);
        });
    }

    public ActivityData create(CrmUser user, ActivityData in) {
        user.require(WRITE);
        Activity a = new Activity();
        apply(a, in);
        a.status = in.status() == null ? "OPEN" : a.status;
        a.owner = a.owner == null ? user.username() : a.owner;
        a.createdAt = Instant.now();
        a.createdBy = user.username();
        a.updatedAt = a.createdAt;
        a.updatedBy = user.username();
        if ("DONE".equals(a.status)) {
            a.completedAt = a.createdAt;
        }
        checkLinks(user, a.contactId, a.accountId);
        ActivityData out = jpa.txExpr(TransactionType.Required, em -> {
            em.persist(a);
            audit.record(user.username(), "activity", a.id.toString(), "create", changes(a), accountOf(em, a));
            timeline.record(TimelineEntry.of(a.contactId, a.accountId, "core", "ACTIVITY_" + a.type, a.subject,
                    a.description, user.username(), "activity", a.id.toString()));
            em.flush();
            return toData(a);
        });
        events.post(CrmEvents.ACTIVITY_CREATED, user.username(), CrmEvents.ID, out.id());
        return out;
    }

    /**
     * {@link ActivityRecorder}: the module checked its permissions and scope; here the type, the texts and that the
     * account or contact exists. In the caller's transaction; the timeline entry is the recording module's
     * ({@code "ACTIVITY_" + type}, named by its timeline types).
     */
    @Override
    public long record(String actor, NewActivity in, boolean done) {
        return record(actor, in, null, done);
    }

    @Override
    public long record(String actor, NewActivity in, Wording wording, boolean done) {
        if (in == null) {
            throw new InvalidInputException("body", "activity details are required", "activity.bodyRequired");
        }
        String moduleId = Validation.required("moduleId", in.moduleId(), 64);
        String by = Validation.required("actor", actor, 64);
        Activity a = new Activity();
        apply(a, new ActivityData(null, in.type(), in.subject(), in.description(), in.dueDate(), done ? "DONE" : "OPEN", in.owner() == null ? by : in.owner(),
                in.contactId(), in.accountId(), null, null, null, null));
        if (a.contactId == null && a.accountId == null) {
            throw new InvalidInputException("accountId", "an activity is about an account or a contact", "activity.subjectRequired");
        }
        a.moduleId = moduleId;
        if (wording != null && wording.subjectKey() != null) {
            a.subjectKey = Validation.required("subjectKey", wording.subjectKey(), 100);
            a.subjectArgs = wording.subjectArgs().isEmpty() ? null : String.join(TimelineServiceImpl.ARG_SEPARATOR, wording.subjectArgs());
            if (a.subjectArgs != null && a.subjectArgs.length() > 1000) {
                throw new InvalidInputException("subjectArgs", "subjectArgs is longer than 1000 characters", "tooLong", 1000);
            }
            // the English words are the subject; the Chinese ones are kept beside them for search
            String chinese = TimelineTypes.say(moduleId, a.subjectKey, args(a), null, texts, Languages.SIMPLIFIED_CHINESE);
            a.subjectWords = chinese == null ? null : chinese.length() > 200 ? chinese.substring(0, 200) : chinese;
        }
        a.createdAt = Instant.now();
        a.createdBy = by;
        a.updatedAt = a.createdAt;
        a.updatedBy = by;
        if (done) {
            a.completedAt = a.createdAt;
        }
        long id = jpa.txExpr(TransactionType.Required, em -> {
            if (a.accountId != null && em.find(org.opencrm.platform.core.internal.model.Account.class, a.accountId) == null) {
                throw new InvalidInputException("accountId", "account " + a.accountId + " does not exist", "noSuchAccount", a.accountId);
            }
            if (a.contactId != null && em.find(org.opencrm.platform.core.internal.model.Contact.class, a.contactId) == null) {
                throw new InvalidInputException("contactId", "contact " + a.contactId + " does not exist", "noSuchContact", a.contactId);
            }
            em.persist(a);
            em.flush();
            audit.record(by, "activity", a.id.toString(), "create", changes(a), accountOf(em, a));
            timeline.record(said(a, TimelineEntry.of(a.contactId, a.accountId, moduleId, "ACTIVITY_" + a.type, a.subject, a.description, by,
                    "activity", a.id.toString())));
            return a.id;
        });
        events.post(CrmEvents.ACTIVITY_CREATED, by, CrmEvents.ID, id);
        return id;
    }

    public ActivityData update(CrmUser user, long id, ActivityData in) {
        user.require(WRITE);
        return jpa.txExpr(TransactionType.Required, em -> {
            Activity a = visible(user, em, id);
            Queries.checkVersion("activity", id, in.version(), a.version);
            String oldStatus = a.status;
            String oldSubject = a.subject;
            apply(a, in);
            if (!a.subject.equals(oldSubject)) {
                // typed words replace the module's text
                a.subjectKey = null;
                a.subjectArgs = null;
                a.subjectWords = null;
            }
            if (in.status() == null) {
                a.status = oldStatus;
            }
            checkLinks(user, a.contactId, a.accountId);
            a.updatedAt = Instant.now();
            a.updatedBy = user.username();
            if (!oldStatus.equals(a.status) && "DONE".equals(a.status)) {
                a.completedAt = a.updatedAt;
                // an activity a module words is said by that module's texts, so its entry is that module's
                timeline.record(said(a, TimelineEntry.of(a.contactId, a.accountId, a.subjectKey != null ? a.moduleId : "core", "ACTIVITY_DONE", a.subject,
                        null, user.username(), "activity", a.id.toString())));
            }
            audit.record(user.username(), "activity", a.id.toString(), "update", changes(a), accountOf(em, a));
            em.flush();
            return toData(a);
        });
    }

    /** The account an activity's audit entries belong to: its account, else its contact's (null: the whole company). */
    private static Long accountOf(javax.persistence.EntityManager em, Activity a) {
        if (a.accountId != null) {
            return a.accountId;
        }
        org.opencrm.platform.core.internal.model.Contact c = a.contactId == null ? null
                : em.find(org.opencrm.platform.core.internal.model.Contact.class, a.contactId);
        return c == null ? null : c.accountId;
    }

    private void checkLinks(CrmUser user, Long contactId, Long accountId) {
        if (contactId != null) {
            try {
                contacts.get(user, contactId);
            } catch (RecordNotFoundException e) {
                throw new InvalidInputException("contactId", "contact " + contactId + " does not exist", "noSuchContact", contactId);
            }
        }
        if (accountId != null) {
            try {
                accounts.get(user, accountId);
            } catch (RecordNotFoundException e) {
                throw new InvalidInputException("accountId", "account " + accountId + " does not exist", "noSuchAccount", accountId);
            }
        }
        if (contactId == null && accountId == null && !user.scope().isUnrestricted()) {
            throw new InvalidInputException("contactId", "an activity must be about one of your contacts or accounts", "activity.aboutYours");
        }
    }

    private void apply(Activity a, ActivityData in) {
        if (in == null) {
            throw new InvalidInputException("body", "activity details are required", "activity.bodyRequired");
        }
        String type = Validation.required("type", in.type(), 32);
        if (!types().contains(type)) {
            throw new InvalidInputException("type", "'" + type + "' is not one of " + types(), "notOneOf", type, types());
        }
        a.type = type;
        a.subject = Validation.required("subject", in.subject(), 200);
        a.description = Validation.optional("description", in.description(), 4000);
        a.dueDate = in.dueDate();
        if (in.status() != null) {
            if (!STATUSES.contains(in.status())) {
                throw new InvalidInputException("status", "'" + in.status() + "' is not one of " + STATUSES, "notOneOf", in.status(), STATUSES);
            }
            a.status = in.status();
        }
        if (in.owner() != null) {
            a.owner = Validation.optional("owner", in.owner(), 64);
        }
        a.contactId = in.contactId();
        a.accountId = in.accountId();
    }

    private static Map<String, Object> changes(Activity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type);
        m.put("subject", a.subject);
        m.put("dueDate", a.dueDate);
        m.put("status", a.status);
        m.put("owner", a.owner);
        m.put("contactId", a.contactId);
        m.put("accountId", a.accountId);
        return m;
    }

    static ActivityData toData(Activity a) {
        return new ActivityData(a.id, a.type, a.subject, a.description, a.dueDate, a.status, a.owner, a.contactId,
                a.accountId, a.createdAt, a.createdBy, a.completedAt, a.version, a.moduleId, a.subjectKey, args(a));
    }

    private static List<String> args(Activity a) {
        return a.subjectKey == null || a.subjectArgs == null ? List.of() : List.of(a.subjectArgs.split(TimelineServiceImpl.ARG_SEPARATOR, -1));
    }

    /** The entry with the activity's subject as the module's text, when the module words it. */
    private static TimelineEntry said(Activity a, TimelineEntry e) {
        return a.subjectKey == null ? e : e.withTitleKey(a.subjectKey, args(a).toArray());
    }

    static boolean overdue(ActivityData a, LocalDate today) {
        return "OPEN".equals(a.status()) && a.dueDate() != null && a.dueDate().isBefore(today);
    }
}
