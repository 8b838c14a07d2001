package org.opencrm.platform.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.model.wadl.WadlGenerator;
import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.rest.ApiError;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Switches CXF's WADL generator off. CXF puts its generator in front of every other filter, the authentication
 * included, so {@code ?_wadl} on any path described the whole API to anyone; no property turns it off, but an
 * application's own provider of that type replaces it. This one answers {@code ?_wadl} with a 404 and lets every
 * other request through. The API's description is {@code /api/v1/openapi.json} (authenticated).
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class NoWadl extends WadlGenerator {
    public NoWadl() {
        setIgnoreRequests(true);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey("_wadl")) {
            request.abortWith(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.text(new ApiError("not_found", "no such resource", null))).build());
        }
    }
}
