package org.opencrm.platform.core.internal.rest;

import java.util.List;
import java.util.Locale;
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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.security.CrmUser;
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
    private final TimelineWording wording;

    @Activate
    public ActivityResource(@Reference ActivityService activities, @Reference TimelineWording wording) {
        this.activities = activities;
        this.wording = wording;
    }

    /** Without contactId/accountId: the caller's own activities (owner=me), overdue first. */
    @GET
    @ApiDoc(value = "listActivities", summary = "List activities", description = "Without contactId and accountId: the caller's own activities, overdue first."
            + " The subject of an activity a module recorded is in the language of Accept-Language (English by default).")
    public Page<ActivityData> list(@QueryParam("q") String q, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("contactId") Long contactId, @QueryParam("accountId") Long accountId,
            @QueryParam("owner") String owner, @QueryParam("status") String status, @Context SecurityContext sc, @Context HttpHeaders headers) {
        return wording.saidActivities(activities.list(RestSupport.user(sc), PageRequest.of(q, offset, limit), contactId, accountId, owner, status),
                RestSupport.language(headers));
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
    @ApiDoc(value = "getActivity", summary = "An activity; a module's subject in the language of Accept-Language (English by default)")
    public ActivityData get(@PathParam("id") long id, @Context SecurityContext sc, @Context HttpHeaders headers) {
        return wording.said(activities.get(RestSupport.user(sc), id), RestSupport.language(headers));
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
    @ApiDoc(value = "updateActivity", summary = "Update an activity (send the version you read)",
            description = "A module's subject sent back as it was read (in the language of Accept-Language) keeps the module's text; other words replace it.")
    public ActivityData update(@PathParam("id") long id, ActivityData body, @Context SecurityContext sc, @Context HttpHeaders headers) {
        CrmUser user = RestSupport.user(sc);
        Locale language = RestSupport.language(headers);
        ActivityData in = RestSupport.body(body);
        return wording.said(activities.update(user, id, wording.unsaid(in, activities.get(user, id), language)), language);
    }
}
