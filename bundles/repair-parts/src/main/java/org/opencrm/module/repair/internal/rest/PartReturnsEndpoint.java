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
import org.opencrm.module.repair.internal.dto.PartReturnData;
import org.opencrm.module.repair.internal.dto.PartReturnInput;
import org.opencrm.module.repair.internal.service.PartReturnService;
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

/** /api/v1/part-returns: defective parts shipped to HQ, linked to their repair orders; received (inspected) at HQ. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class PartReturnsEndpoint implements ModuleEndpoint {
    private final PartReturnService returns;

    @Activate
    public PartReturnsEndpoint(@Reference PartReturnService returns) {
        this.returns = returns;
    }

    @Override
    public String path() {
        return "part-returns";
    }

    /** ?status= &repairOrderId= &offset= &limit= */
    @GET
    @ApiDoc(value = "searchPartReturns", params = @ApiDoc.Param(name = "repairOrderId", type = Long.class))
    public Page<PartReturnData> search(@QueryParam("status") String status, @QueryParam("repairOrderId") String order, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return returns.search(RestSupport.user(sc), status, QueryParams.number("repairOrderId", order), PageRequest.of(null, offset, limit));
    }

    /** {warehouseId, toWarehouseId?, trackingNumber?, note?, lines: [{repairOrderId, partNumber, serial?, replacementId?}]} */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createPartReturn", status = 201, returns = PartReturnData.class, summary = "Ship defective parts to HQ")
    public Response create(PartReturnInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(returns.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("{id}")
    @ApiDoc(value = "getPartReturn", summary = "A part return by id or number (PR...)")
    public PartReturnData get(@PathParam("id") String id, @Context SecurityContext sc) {
        return returns.get(RestSupport.user(sc), Records.requireNumber("PR", "id", id));
    }

    /** {note: the inspection result} (repair.stock) */
    @POST
    @Path("{id}/receive")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "receivePartReturn", summary = "Receive (inspect) a part return at HQ")
    public PartReturnData receive(@PathParam("id") String id, NoteInput body, @Context SecurityContext sc) {
        return returns.receive(RestSupport.user(sc), Records.requireNumber("PR", "id", id), body);
    }
}
