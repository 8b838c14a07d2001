package org.opencrm.module.handset.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.module.handset.api.AccessoryType;
import org.opencrm.module.handset.api.WarrantyCheck;
import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.service.HandsetService;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.opencrm.platform.rest.QueryParams;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/warranty?imei=&date=&accessory=: in warranty, until when, and why not. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class WarrantyEndpoint implements ModuleEndpoint {
    private final HandsetService handsets;

    @Activate
    public WarrantyEndpoint(@Reference HandsetService handsets) {
        this.handsets = handsets;
    }

    @Override
    public String path() {
        return "warranty";
    }

    @GET
    @ApiDoc(value = "checkWarranty", summary = "Whether a unit (or accessory) is in warranty on a date, until when, and why not", params = { @ApiDoc.Param(name = "date", type = java.time.LocalDate.class, description = "default: today in the business time zone"), @ApiDoc.Param(name = "accessory", type = AccessoryType.class) })
    public WarrantyCheck check(@QueryParam("imei") String imei, @QueryParam("date") String date, @QueryParam("accessory") String accessory,
            @Context SecurityContext sc) {
        RestSupport.user(sc).require(HandsetModule.READ);
        return handsets.warranty(imei, QueryParams.date("date", date), QueryParams.enumValue("accessory", accessory, AccessoryType.class));
    }
}
