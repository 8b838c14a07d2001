package org.opencrm.module.samplenotes.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
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

/**
 * /api/v1/sample-notes: free-text notes on a contact, each also written to the contact's timeline. A
 * ModuleEndpoint (not a whiteboard @JaxrsResource), so enabling the module never rebuilds the REST application.
 */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class SampleNoteResource implements ModuleEndpoint {
    private final SampleNoteService notes;

    @Activate
    public SampleNoteResource(@Reference SampleNoteService notes) {
        this.notes = notes;
    }

    @Override
    public String path() {
        return "sample-notes";
    }

    @GET
    @ApiDoc("listSampleNotes")
    public Page<NoteData> list(@QueryParam("contactId") Long contactId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return notes.list(RestSupport.user(sc), contactId, PageRequest.of(null, offset, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createSampleNote", status = 201, returns = NoteData.class)
    public Response create(NoteData body, @Context SecurityContext sc) {
        return Response.status(201).entity(notes.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }
}
