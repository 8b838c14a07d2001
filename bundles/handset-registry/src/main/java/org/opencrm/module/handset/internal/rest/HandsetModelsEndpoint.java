package org.opencrm.module.handset.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

import org.opencrm.module.handset.internal.dto.ModelData;
import org.opencrm.module.handset.internal.service.ModelService;
import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** /api/v1/handset-models: the model catalogue. */
@Component(service = ModuleEndpoint.class)
@Produces(MediaType.APPLICATION_JSON)
public class HandsetModelsEndpoint implements ModuleEndpoint {
    private final ModelService models;

    @Activate
    public HandsetModelsEndpoint(@Reference ModelService models) {
        this.models = models;
    }

    @Override
    public String path() {
        return "handset-models";
    }

    @GET
    @ApiDoc("listHandsetModels")
    public Page<ModelData> list(@QueryParam("q") String q, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @Context SecurityContext sc) {
        return models.list(RestSupport.user(sc), PageRequest.of(q, offset, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "createHandsetModel", status = 201, returns = ModelData.class)
    public Response create(ModelData body, @Context SecurityContext sc) {
        return Response.status(201).entity(models.create(RestSupport.user(sc), RestSupport.body(body))).build();
    }

    @GET
    @Path("{id:\\d+}")
    @ApiDoc("getHandsetModel")
    public ModelData get(@PathParam("id") long id, @Context SecurityContext sc) {
        return models.get(RestSupport.user(sc), id);
    }

    @PUT
    @Path("{id:\\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiDoc("updateHandsetModel")
    public ModelData update(@PathParam("id") long id, ModelData body, @Context SecurityContext sc) {
        return models.update(RestSupport.user(sc), id, RestSupport.body(body));
    }

    @DELETE
    @Path("{id:\\d+}")
    @ApiDoc(value = "deleteHandsetModel", status = 204, summary = "Delete a handset model (send the version you read)")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Long version, @Context SecurityContext sc) {
        models.delete(RestSupport.user(sc), id, version);
        return Response.noContent().build();
    }
}
