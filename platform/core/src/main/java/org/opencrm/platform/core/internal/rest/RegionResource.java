package org.opencrm.platform.core.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.region.Regions;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** /api/v1/regions: the sales regions that accounts and REGION-scoped users refer to by code, with both names. */
@Component(service = RegionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {
    private final Regions regions;

    @Activate
    public RegionResource(@Reference Regions regions) {
        this.regions = regions;
    }

    @GET
    @ApiDoc(value = "listRegions", summary = "The sales regions: code, nameEn, nameZh")
    public Page<org.opencrm.platform.api.region.Region> list(@Context SecurityContext sc) {
        RestSupport.user(sc);
        return Page.of(regions.all());
    }
}
