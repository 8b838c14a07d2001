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

import org.opencrm.module.repair.internal.dto.NoteInput;
import org.opencrm.module.repair.internal.dto.PartsOrderData;
import org.opencrm.module.repair.internal.dto.PartsOrderInput;
import org.opencrm.module.repair.internal.service.PartsOrderService;
import org.opencrm.module.repair.internal.service.Records;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.opencrm.platform.rest.QueryParams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/parts-orders: a centre orders parts; the warehouse approves and ships (partly, with a backorder); the centre receives. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class PartsOrdersEndpoint implements ModuleEndpoint {
    private final PartsOrderService orders;

    @Activate
    public PartsOrdersEndpoint(@Reference PartsOrderService orders) {
        this.orders = orders;
    }

    @Override
    public String path() {
        return "parts-orders";
    }

    /** ?q= (PO number) &status= &warehouseId= (ordering or supplying) &offset= &limit= */
    @GET
    @ApiDoc(value = "searchPartsOrders", params = @ApiDoc.Param(name = "warehouseId", type = Long.class, description = "the ordering or the supplying warehouse"))
    public Page<PartsOrderData> search(@QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("warehouseId") String warehouseId,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return orders.search(RestSupport.user(sc), status, QueryParams.number("warehouseId", warehouseId), PageRequest.of(q, offset, limit));
    }

    /** {warehouseId | centreAccountId, supplierId?, lines: [{partNumber, quantity}], note?} */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "submitPartsOrder", status = 201, returns = PartsOrderData.class)
    public Response submit(PartsOrderInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(orders.submit(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("{id}")
    @ApiDoc(value = "getPartsOrder", summary = "A parts order by id or number (PO...)")
    public PartsOrderData get(@PathParam("id") String id, @Context SecurityContext sc) {
        return orders.get(RestSupport.user(sc), Records.requireNumber("PO", "id", id));
    }

    @POST
    @Path("{id}/approve")
    @ApiDoc("approvePartsOrder")
    public PartsOrderData approve(@PathParam("id") String id, @Context SecurityContext sc) {
        return orders.approve(RestSupport.user(sc), Records.requireNumber("PO", "id", id));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("rejectPartsOrder")
    public PartsOrderData reject(@PathParam("id") String id, NoteInput body, @Context SecurityContext sc) {
        return orders.reject(RestSupport.user(sc), Records.requireNumber("PO", "id", id), body);
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("cancelPartsOrder")
    public PartsOrderData cancel(@PathParam("id") String id, NoteInput body, @Context SecurityContext sc) {
        return orders.cancel(RestSupport.user(sc), Records.requireNumber("PO", "id", id), body);
    }

    @POST
    @Path("{id}/ship")
    @ApiDoc("shipPartsOrder")
    public PartsOrderData ship(@PathParam("id") String id, @Context SecurityContext sc) {
        return orders.ship(RestSupport.user(sc), Records.requireNumber("PO", "id", id));
    }

    @POST
    @Path("{id}/receive")
    @ApiDoc("receivePartsOrder")
    public PartsOrderData receive(@PathParam("id") String id, @Context SecurityContext sc) {
        return orders.receive(RestSupport.user(sc), Records.requireNumber("PO", "id", id));
    }
}
