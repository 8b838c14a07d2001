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

import org.opencrm.module.repair.internal.dto.PartData;
import org.opencrm.module.repair.internal.dto.PartInput;
import org.opencrm.module.repair.internal.service.PartCatalogService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/parts: the parts catalogue. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class PartsEndpoint implements ModuleEndpoint {
    private final PartCatalogService parts;

    @Activate
    public PartsEndpoint(@Reference PartCatalogService parts) {
        this.parts = parts;
    }

    @Override
    public String path() {
        return "parts";
    }

    /** ?q= (part number or name prefix) &model= (fits this model code) &offset= &limit= */
    @GET
    @ApiDoc(value = "searchParts", description = "q: a part number or name prefix; model: parts that fit this model code.")
    public Page<PartData> search(@QueryParam("q") String q, @QueryParam("model") String model, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return parts.search(RestSupport.user(sc), null, model, PageRequest.of(q, offset, limit));
    }

    /** {partNumber, name, models[], cost, price, active?} (repair.admin) */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createPart", status = 201, returns = PartData.class)
    public Response create(PartInput body, @Context SecurityContext sc) {
        return Response.status(201).entity(parts.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    /** By id or part number. */
    @GET
    @Path("{key}")
    @ApiDoc(value = "getPart", summary = "A part by id or part number")
    public PartData get(@PathParam("key") String key, @Context SecurityContext sc) {
        return key.chars().allMatch(Character::isDigit) && key.length() < 12 ? parts.get(RestSupport.user(sc), Long.parseLong(key))
                : parts.byNumber(RestSupport.user(sc), key);
    }

    /** {partNumber (unchanged), name, models[], cost, price, active?, version} */
    @PUT
    @Path("{key}") // the same template as GET (one path in the API description); here the key is the part's id
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "updatePart", summary = "Update a part (by id; send the version you read)")
    public PartData update(@PathParam("key") long id, PartInput body, @Context SecurityContext sc) {
        return parts.update(RestSupport.user(sc), id, RestSupport.body(body));
    }
}
