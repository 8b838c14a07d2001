package org.opencrm.module.membership.internal.rest;

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

import org.opencrm.module.membership.internal.dto.CouponData;
import org.opencrm.module.membership.internal.dto.CouponRequest;
import org.opencrm.module.membership.internal.service.PromotionService;
import org.opencrm.platform.api.scope.DataScopes;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/coupons: issue a coupon to a member; look one up. It is redeemed with a purchase (couponCode of earn). */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class CouponsEndpoint implements ModuleEndpoint {
    private final PromotionService promotions;
    private final DataScopes scopes;

    @Activate
    public CouponsEndpoint(@Reference PromotionService promotions, @Reference DataScopes scopes) {
        this.promotions = promotions;
        this.scopes = scopes;
    }

    @Override
    public String path() {
        return "coupons";
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "issueCoupon", status = 201, returns = CouponData.class)
    public Response issue(CouponRequest body, @Context SecurityContext sc) {
        return Response.status(201).entity(promotions.issueCoupon(RestSupport.user(sc), RestSupport.body(body), scopes)).build();
    }

    @GET
    @Path("{code}")
    @ApiDoc("getCoupon")
    public CouponData get(@PathParam("code") String code, @Context SecurityContext sc) {
        return promotions.coupon(RestSupport.user(sc), code);
    }
}
