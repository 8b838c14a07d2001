package org.opencrm.module.samplenotes.internal;

import java.time.Instant;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.audit.AuditTrail;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.persistence.Queries;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** /api/v1/sample-notes: free-text notes on a contact, each also written to the contact's timeline. */
@Component(service = SampleNoteResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("sample-notes")
@Produces(MediaType.APPLICATION_JSON)
public class SampleNoteResource {
    private final JpaTemplate jpa;
    private final CustomerDirectory customers;
    private final TimelineService timeline;
    private final AuditTrail audit;

    public record NoteData(Long id, Long contactId, String text, Instant createdAt, String createdBy) {
    }

    @Activate
    public SampleNoteResource(@Reference(target = "(osgi.unit.name=crm-sample-notes)") JpaTemplate jpa,
            @Reference CustomerDirectory customers, @Reference TimelineService timeline, @Reference AuditTrail audit) {
        this.jpa = jpa;
        this.customers = customers;
        this.timeline = timeline;
        this.audit = audit;
    }

    @GET
    public Page<NoteData> list(@QueryParam("contactId") Long contactId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        user.require(SampleNotesModule.READ);
        if (contactId == null) {
            throw new InvalidInputException("contactId", "contactId is required");
        }
        if (!customers.canSeeContact(user, contactId)) {
            throw new org.opencrm.platform.api.RecordNotFoundException("contact", contactId);
        }
        PageRequest page = PageRequest.of(null, offset, limit);
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(
                em.createQuery("SELECT n FROM SampleNote n WHERE n.contactId = :c ORDER BY n.id DESC", SampleNote.class).setParameter("c", contactId),
                em.createQuery("SELECT COUNT(n) FROM SampleNote n WHERE n.contactId = :c", Long.class).setParameter("c", contactId),
                page).map(SampleNoteResource::toData));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NoteData body, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        user.require(SampleNotesModule.WRITE);
        NoteData in = RestSupport.body(body);
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
        NoteData out = jpa.txExpr(TransactionType.Required, em -> {
            em.persist(n);
            audit.record(user.username(), "sample-note", n.id.toString(), "create", java.util.Map.of("text", n.text));
            timeline.record(TimelineEntry.of(n.contactId, null, SampleNotesModule.ID, "NOTE_ADDED", "Note added",
                    n.text, user.username(), "sample-note", n.id.toString()));
            return toData(n);
        });
        return Response.status(201).entity(out).build();
    }

    private static NoteData toData(SampleNote n) {
        return new NoteData(n.id, n.contactId, n.text, n.createdAt, n.createdBy);
    }

}
