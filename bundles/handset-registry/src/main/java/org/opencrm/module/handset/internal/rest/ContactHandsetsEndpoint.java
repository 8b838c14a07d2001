package org.opencrm.module.handset.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.module.handset.internal.dto.HandsetData;
import org.opencrm.module.handset.internal.service.HandsetService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/contacts/{id}/handsets: the units a contact owns now. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class ContactHandsetsEndpoint implements ModuleEndpoint {
    private final HandsetService handsets;

    @Activate
    public ContactHandsetsEndpoint(@Reference HandsetService handsets) {
        this.handsets = handsets;
    }

    @Override
    public String path() {
        return "handsets";
    }

    @Override
    public Attach attach() {
        return Attach.CONTACT;
    }

    @GET
    @ApiDoc(value = "listContactHandsets", summary = "The units a contact owns now")
    public Page<HandsetData> list(@PathParam("id") long contactId, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return handsets.forContact(RestSupport.user(sc), contactId, PageRequest.of(null, offset, limit));
    }
}
