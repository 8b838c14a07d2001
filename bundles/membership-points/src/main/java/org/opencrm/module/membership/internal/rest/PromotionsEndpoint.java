package org.opencrm.module.membership.internal.rest;

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

import org.opencrm.module.membership.internal.dto.PromotionData;
import org.opencrm.module.membership.internal.service.PromotionService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/promotions: earning multipliers by date range, store and tier. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class PromotionsEndpoint implements ModuleEndpoint {
    private final PromotionService promotions;

    @Activate
    public PromotionsEndpoint(@Reference PromotionService promotions) {
        this.promotions = promotions;
    }

    @Override
    public String path() {
        return "promotions";
    }

    /** ?current=true: active ones not ended yet. */
    @GET
    @ApiDoc(value = "listPromotions", description = "current=true: active ones not ended yet.")
    public Page<PromotionData> list(@QueryParam("current") Boolean current, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return promotions.list(RestSupport.user(sc), current != null && current, PageRequest.of(null, offset, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createPromotion", status = 201, returns = PromotionData.class)
    public Response create(PromotionData body, @Context SecurityContext sc) {
        return Response.status(201).entity(promotions.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("{id}")
    @ApiDoc("getPromotion")
    public PromotionData get(@PathParam("id") long id, @Context SecurityContext sc) {
        return promotions.get(RestSupport.user(sc), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("updatePromotion")
    public PromotionData update(@PathParam("id") long id, PromotionData body, @Context SecurityContext sc) {
        return promotions.update(RestSupport.user(sc), id, RestSupport.body(body));
    }
}
