package org.opencrm.platform.core.internal.rest;

import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.core.internal.dto.ActivityData;
import org.opencrm.platform.core.internal.service.ActivityService;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** /api/v1/activities */
@Component(service = ActivityResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {
    private final ActivityService activities;

    @Activate
    public ActivityResource(@Reference ActivityService activities) {
        this.activities = activities;
    }

    /** Without contactId/accountId: the caller's own activities (owner=me), overdue first. */
    @GET
    @ApiDoc(value = "listActivities", summary = "List activities", description = "Without contactId and accountId: the caller's own activities, overdue first.")
    public Page<ActivityData> list(@QueryParam("q") String q, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("contactId") Long contactId, @QueryParam("accountId") Long accountId,
            @QueryParam("owner") String owner, @QueryParam("status") String status, @Context SecurityContext sc) {
        return activities.list(RestSupport.user(sc), PageRequest.of(q, offset, limit), contactId, accountId, owner, status);
    }

    @GET
    @Path("types")
    @ApiDoc(value = "listActivityTypes", summary = "Activity types")
    public Page<String> types(@Context SecurityContext sc) {
        RestSupport.user(sc);
        return Page.of(List.copyOf(activities.types()));
    }

    @GET
    @Path("{id:\\d+}")
    @ApiDoc("getActivity")
    public ActivityData get(@PathParam("id") long id, @Context SecurityContext sc) {
        return activities.get(RestSupport.user(sc), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createActivity", status = 201, returns = ActivityData.class)
    public Response create(ActivityData body, @Context SecurityContext sc) {
        return Response.status(201).entity(activities.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @PUT
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "updateActivity", summary = "Update an activity (send the version you read)")
    public ActivityData update(@PathParam("id") long id, ActivityData body, @Context SecurityContext sc) {
        return activities.update(RestSupport.user(sc), id, RestSupport.body(body));
    }
}
