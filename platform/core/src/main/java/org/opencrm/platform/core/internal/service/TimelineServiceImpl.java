package org.opencrm.platform.core.internal.service;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.Validation;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.core.internal.model.TimelineRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The customer timeline. Activities are written here by the core when they are created or completed, modules
 * write their own facts, so one indexed query gives the merged, newest-first history of a contact.
 */
@Component(service = { TimelineService.class, TimelineServiceImpl.class })
public class TimelineServiceImpl implements TimelineService {
    /** Between the values of a title's text: a control character no typed value contains. */
    static final String ARG_SEPARATOR = "\u001F";
    private final JpaTemplate jpa;

    @Activate
    public TimelineServiceImpl(@Reference(target = "(osgi.unit.name=crm-core)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public TimelineEntry record(TimelineEntry e) {
        if (e.contactId() == null && e.accountId() == null) {
            throw new InvalidInputException("contactId", "a timeline entry needs a contact or an account", "timeline.subjectRequired");
        }
        TimelineRecord r = new TimelineRecord();
        r.contactId = e.contactId();
        r.accountId = e.accountId();
        r.moduleId = Validation.required("moduleId", e.moduleId(), 64);
        r.type = Validation.required("type", e.type(), 64);
        r.title = Validation.required("title", e.title(), 200);
        r.detail = Validation.optional("detail", e.detail(), 2000);
        r.occurredAt = e.occurredAt() == null ? java.time.Instant.now() : e.occurredAt();
        r.actor = e.actor();
        r.refType = e.refType();
        r.refId = e.refId();
        r.titleKey = Validation.optional("titleKey", e.titleKey(), 100);
        r.titleArgs = r.titleKey == null || e.titleArgs().isEmpty() ? null : String.join(ARG_SEPARATOR, e.titleArgs());
        // kept as they are, not trimmed: the separator is whitespace to String.strip, and an empty last value is a value
        if (r.titleArgs != null && r.titleArgs.length() > 1000) {
            throw new InvalidInputException("titleArgs", "titleArgs is longer than 1000 characters", "tooLong", 1000);
        }
        jpa.tx(TransactionType.Required, em -> em.persist(r));
        return toEntry(r);
    }

    @Override
    public Page<TimelineEntry> forContact(long contactId, int offset, int limit) {
        return list("contactId", contactId, offset, limit);
    }

    @Override
    public Page<TimelineEntry> forAccount(long accountId, int offset, int limit) {
        return list("accountId", accountId, offset, limit);
    }

    private Page<TimelineEntry> list(String field, long id, int offset, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            var items = em.createQuery("SELECT t FROM TimelineRecord t WHERE t." + field + " = :id ORDER BY t.occurredAt DESC, t.id DESC",
                    TimelineRecord.class).setParameter("id", id).setFirstResult(offset).setMaxResults(limit).getResultList();
            long total = em.createQuery("SELECT COUNT(t) FROM TimelineRecord t WHERE t." + field + " = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            return new Page<>(items.stream().map(TimelineServiceImpl::toEntry).toList(), total);
        });
    }

    /** The entry of a stored record (the test kit reads them back the same way). */
    public static TimelineEntry toEntry(TimelineRecord r) {
        return new TimelineEntry(r.id, r.contactId, r.accountId, r.moduleId, r.type, r.title, r.detail, r.occurredAt,
                r.actor, r.refType, r.refId, r.titleKey, r.titleArgs == null ? List.of() : List.of(r.titleArgs.split(ARG_SEPARATOR, -1)));
    }
}
