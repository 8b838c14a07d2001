package org.opencrm.module.samplenotes.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.module.samplenotes.internal.SampleNotesService.SampleNotesData;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * /api/v1/sample-notes: the module's records. A ModuleEndpoint (no class-level @Path): the platform serves it inside
 * its one JAX-RS application, so enabling or disabling the module never rebuilds the REST API of the core.
 */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class SampleNotesResource implements ModuleEndpoint {
    private final SampleNotesService service;

    @Activate
    public SampleNotesResource(@Reference SampleNotesService service) {
        this.service = service;
    }

    @Override
    public String path() {
        return SampleNotesNames.REST_PATH;
    }

    @GET
    @ApiDoc(value = "listSampleNotes", summary = "Sample notes: the records the caller may see, newest first")
    public Page<SampleNotesData> list(@QueryParam("contactId") Long contactId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return service.list(RestSupport.user(sc), contactId, PageRequest.of(null, offset, limit));
    }

    @GET
    @Path("{recordId}")
    @ApiDoc(value = "getSampleNotes", summary = "Sample notes: one record")
    public SampleNotesData get(@PathParam("recordId") long id, @Context SecurityContext sc) {
        return service.get(RestSupport.user(sc), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createSampleNotes", status = 201, returns = SampleNotesData.class, summary = "Sample notes: record one")
    public Response create(SampleNotesData body, @Context SecurityContext sc) {
        return Response.status(201).entity(service.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }
}
