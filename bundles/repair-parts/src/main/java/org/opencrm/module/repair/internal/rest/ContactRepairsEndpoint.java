package org.opencrm.module.repair.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.module.repair.internal.dto.RepairOrderData;
import org.opencrm.module.repair.internal.dto.RepairOrderSearch;
import org.opencrm.module.repair.internal.service.RepairOrderService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/contacts/{id}/repairs: a customer's repair orders, newest first (within the caller's scope). */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class ContactRepairsEndpoint implements ModuleEndpoint {
    private final RepairOrderService orders;

    @Activate
    public ContactRepairsEndpoint(@Reference RepairOrderService orders) {
        this.orders = orders;
    }

    @Override
    public String path() {
        return "repairs";
    }

    @Override
    public Attach attach() {
        return Attach.CONTACT;
    }

    @GET
    @ApiDoc(value = "listContactRepairOrders", summary = "A customer's repair orders, newest first")
    public Page<RepairOrderData> list(@PathParam("id") long contactId, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return orders.search(RestSupport.user(sc), new RepairOrderSearch(null, null, null, contactId, null, null), PageRequest.of(null, offset, limit));
    }
}
