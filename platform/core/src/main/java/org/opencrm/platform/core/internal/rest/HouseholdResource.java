package org.opencrm.platform.core.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.core.internal.dto.HouseholdData;
import org.opencrm.platform.core.internal.model.Household;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ApiSchema;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * /api/v1/households: a family; members are contacts whose householdId points here. A partner sees (and adds its
 * contacts to) its own households only; another partner's answer 404.
 */
@Component(service = HouseholdResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("households")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdResource {
    private final ContactService contacts;

    @Activate
    public HouseholdResource(@Reference ContactService contacts) {
        this.contacts = contacts;
    }

    @ApiSchema(required = { "name" })
    /** {@code accountId}: the account that keeps it (a partner's or store's own account by default; none for HQ's). */
    public record NewHousehold(String name, Long accountId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createHousehold", status = 201, returns = HouseholdData.class)
    public Response create(NewHousehold body, @Context SecurityContext sc) {
        NewHousehold in = RestSupport.body(body);
        Household h = contacts.createHousehold(RestSupport.user(sc), in.name(), in.accountId());
        return Response.status(201).entity(new HouseholdData(h.id, h.name, java.util.List.of())).build();
    }

    @GET
    @Path("{id:\\d+}")
    @ApiDoc(value = "getHousehold", summary = "A household and its members")
    public HouseholdData get(@PathParam("id") long id, @Context SecurityContext sc) {
        CrmUser user = RestSupport.user(sc);
        Household h = contacts.household(user, id);
        return new HouseholdData(id, h.name, contacts.householdMembers(user, id));
    }
}
