package org.opencrm.module.samplenotes.internal;

import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
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

/** /api/v1/contacts/{id}/sample-notes: one contact's records (the platform checks first that the caller may see the contact). */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class ContactSampleNotesEndpoint implements ModuleEndpoint {
    private final SampleNotesService service;

    @Activate
    public ContactSampleNotesEndpoint(@Reference SampleNotesService service) {
        this.service = service;
    }

    @Override
    public String path() {
        return SampleNotesNames.REST_PATH;
    }

    @Override
    public Attach attach() {
        return Attach.CONTACT;
    }

    @GET
    @ApiDoc(value = "listContactSampleNotes", summary = "Sample notes: a contact's records")
    public Page<SampleNotesData> list(@PathParam("id") long contactId, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return service.list(RestSupport.user(sc), contactId, PageRequest.of(null, offset, limit));
    }
}
