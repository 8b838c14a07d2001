package org.opencrm.module.samplenotes.internal;

import java.time.Instant;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.Queries;
import org.opencrm.platform.rest.ApiSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Notes on contacts: permission and data-scope checks, validation, persistence, audit and timeline. */
@Component(service = SampleNoteService.class)
public class SampleNoteService {
    private final JpaTemplate jpa;
    private final CustomerDirectory customers;
    private final TimelineService timeline;
    private final AuditTrail audit;

    @ApiSchema(required = { "contactId", "text" })
    public record NoteData(Long id, Long contactId, String text, Instant createdAt, String createdBy) {
    }

    @Activate
    public SampleNoteService(@Reference(target = "(osgi.unit.name=crm-sample-notes)") JpaTemplate jpa,
            @Reference CustomerDirectory customers, @Reference TimelineService timeline, @Reference AuditTrail audit) {
        this.jpa = jpa;
        this.customers = customers;
        this.timeline = timeline;
        this.audit = audit;
    }

    public Page<NoteData> list(CrmUser user, Long contactId, PageRequest page) {
        user.require(SampleNotesModule.READ);
        if (contactId == null) {
            throw new InvalidInputException("contactId", "contactId is required");
        }
        if (!customers.canSeeContact(user, contactId)) {
            throw new RecordNotFoundException("contact", contactId);
        }
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(
                em.createQuery("SELECT n FROM SampleNote n WHERE n.contactId = :c ORDER BY n.id DESC", SampleNote.class).setParameter("c", contactId),
                em.createQuery("SELECT COUNT(n) FROM SampleNote n WHERE n.contactId = :c", Long.class).setParameter("c", contactId),
                page).map(SampleNoteService::toData));
    }

    public NoteData create(CrmUser user, NoteData in) {
        user.require(SampleNotesModule.WRITE);
        if (in.contactId() == null || !customers.canSeeContact(user, in.contactId())) {
            throw new InvalidInputException("contactId", "contact " + in.contactId() + " does not exist");
        }
        if (in.text() == null || in.text().isBlank()) {
            throw new InvalidInputException("text", "text is required");
        }
        if (in.text().length() > 1000) {
            throw new InvalidInputException("text", "text is longer than 1000 characters");
        }
        SampleNote n = new SampleNote();
        n.contactId = in.contactId();
        n.text = in.text().strip();
        n.createdAt = Instant.now();
        n.createdBy = user.username();
        return jpa.txExpr(TransactionType.Required, em -> {
            em.persist(n);
            em.flush(); // assigns the id the audit entry and the timeline refer to
            // the note belongs where its contact does: readers of the audit trail see it within their data scope
            audit.record(user.username(), "sample-note", n.id.toString(), "create", Map.of("text", n.text),
                    customers.contact(n.contactId).map(c -> c.accountId()).orElse(null));
            timeline.record(TimelineEntry.of(n.contactId, null, SampleNotesModule.ID, "NOTE_ADDED", "Note added",
                    n.text, user.username(), "sample-note", n.id.toString()));
            return toData(n);
        });
    }

    private static NoteData toData(SampleNote n) {
        return new NoteData(n.id, n.contactId, n.text, n.createdAt, n.createdBy);
    }
}
