package org.opencrm.module.samplenotes.internal;

import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.module.samplenotes.internal.SampleNoteService.NoteData;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/contacts/{id}/sample-notes: the same notes, hung under the contact they belong to. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class ContactNotesEndpoint implements ModuleEndpoint {
    private final SampleNoteService notes;

    @Activate
    public ContactNotesEndpoint(@Reference SampleNoteService notes) {
        this.notes = notes;
    }

    @Override
    public String path() {
        return "sample-notes";
    }

    @Override
    public Attach attach() {
        return Attach.CONTACT;
    }

    @GET
    @ApiDoc(value = "listContactSampleNotes", summary = "A contact's notes")
    public Page<NoteData> list(@PathParam("id") long contactId, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return notes.list(RestSupport.user(sc), contactId, PageRequest.of(null, offset, limit));
    }
}
