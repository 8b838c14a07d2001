package org.opencrm.module.repair.internal.rest;

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

import org.opencrm.module.repair.internal.dto.NewServiceRequest;
import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.RouteRequest;
import org.opencrm.module.repair.internal.dto.ServiceRequestData;
import org.opencrm.module.repair.internal.dto.ServiceRequestSearch;
import org.opencrm.module.repair.internal.service.Records;
import org.opencrm.module.repair.internal.service.ServiceRequestService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.opencrm.platform.rest.QueryParams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/service-requests: the service desk queue (overdue first), opening, routing, closing, escalation. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class ServiceRequestsEndpoint implements ModuleEndpoint {
    private final ServiceRequestService requests;

    @Activate
    public ServiceRequestsEndpoint(@Reference ServiceRequestService requests) {
        this.requests = requests;
    }

    @Override
    public String path() {
        return "service-requests";
    }

    /** ?q= &status= (default: open; ALL) &centreAccountId= &contactId= &owner= &overdue= &offset= &limit= */
    @GET
    @ApiDoc(value = "searchServiceRequests", summary = "The service desk queue, overdue first", description = "status: default the open ones; ALL for every status.", params = { @ApiDoc.Param(name = "centreAccountId", type = Long.class), @ApiDoc.Param(name = "contactId", type = Long.class), @ApiDoc.Param(name = "overdue", type = Boolean.class) })
    public Page<ServiceRequestData> search(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("centreAccountId") String centre,
            @QueryParam("contactId") String contact, @QueryParam("owner") String owner, @QueryParam("overdue") String overdue,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return requests.search(RestSupport.user(sc), new ServiceRequestSearch(null, status, QueryParams.number("centreAccountId", centre),
                QueryParams.number("contactId", contact), QueryParams.flag("overdue", overdue), owner), PageRequest.of(q, offset, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createServiceRequest", status = 201, returns = ServiceRequestData.class)
    public Response create(NewServiceRequest body, @Context SecurityContext sc) {
        return Response.status(201).entity(requests.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    /** By id or number (SR00000012). */
    @GET
    @Path("{id}")
    @ApiDoc(value = "getServiceRequest", summary = "A service request by id or number (SR...)")
    public ServiceRequestData get(@PathParam("id") String id, @Context SecurityContext sc) {
        return requests.get(RestSupport.user(sc), Records.requireNumber("SR", "id", id));
    }

    /** {centreAccountId?, owner?, version} */
    @PUT
    @Path("{id}/route")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("routeServiceRequest")
    public ServiceRequestData route(@PathParam("id") String id, RouteRequest body, @Context SecurityContext sc) {
        return requests.route(RestSupport.user(sc), Records.requireNumber("SR", "id", id), RestSupport.body(body));
    }

    /** {note: the resolution} */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("closeServiceRequest")
    public ServiceRequestData close(@PathParam("id") String id, NoteInput body, @Context SecurityContext sc) {
        return requests.close(RestSupport.user(sc), Records.requireNumber("SR", "id", id), body);
    }

    /** {note: the reason} */
    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("cancelServiceRequest")
    public ServiceRequestData cancel(@PathParam("id") String id, NoteInput body, @Context SecurityContext sc) {
        return requests.cancel(RestSupport.user(sc), Records.requireNumber("SR", "id", id), body);
    }

    /** Escalates what is overdue now (repair.admin); also runs every escalationIntervalMinutes. */
    @POST
    @Path("escalation")
    @ApiDoc(value = "escalateServiceRequests", summary = "Escalate what is overdue now")
    public java.util.Map<String, Integer> escalate(@Context SecurityContext sc) {
        return java.util.Map.of("escalated", requests.escalateOverdue(RestSupport.user(sc)));
    }
}
