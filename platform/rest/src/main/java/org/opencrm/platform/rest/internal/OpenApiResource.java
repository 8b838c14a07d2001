package org.opencrm.platform.rest.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.rest.ApiDoc;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.swagger.v3.oas.models.OpenAPI;

/**
 * OpenAPI 3 document of what is deployed right now: the platform's resources as the JAX-RS whiteboard's runtime
 * view lists them, plus every module endpoint the dispatcher serves at this moment, so a module's operations appear
 * when it is enabled and vanish when it is disabled. Schemas of the DTOs come from swagger-core's model resolver
 * (see {@link OpenApiBuilder}); each module's operations carry the module's id as their tag.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("openapi.json")
public class OpenApiResource {
    static final String DESCRIPTION = "The REST API of OpenCRM and of the modules enabled right now. HTTP Basic on every call. "
            + "Lists take `offset` and `limit` (and most `q`) and answer `{\"items\":[...],\"total\":N}`. Errors answer "
            + "`{\"error\",\"message\",\"field\"}`. Updates send back the `version` they read; a stale one answers 409.";

    private final JaxrsServiceRuntime runtime;
    private final EndpointDispatcher dispatcher;
    private final BundleContext context;
    private final List<CrmModule> modules = new CopyOnWriteArrayList<>();

    @Activate
    public OpenApiResource(@Reference JaxrsServiceRuntime runtime, @Reference EndpointDispatcher dispatcher, BundleContext context) {
        this.runtime = runtime;
        this.dispatcher = dispatcher;
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModule(CrmModule module) {
        modules.add(module);
    }

    void removeModule(CrmModule module) {
        modules.remove(module);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @ApiDoc(value = "getOpenApiDocument", summary = "This OpenAPI document (what is installed right now)", returns = Object.class)
    public String document() throws JsonProcessingException {
        return io.swagger.v3.core.util.Json.mapper().writeValueAsString(build());
    }

    OpenAPI build() {
        OpenApiBuilder builder = new OpenApiBuilder(Json.newMapper());
        for (ApplicationDTO app : runtime.getRuntimeDTO().applicationDTOs) {
            if (CrmRest.APPLICATION_NAME.equals(app.name)) {
                for (ResourceDTO resource : app.resourceDTOs) {
                    Class<?> type = resourceClass(resource.serviceId);
                    if (type != null && type != EndpointDispatcher.class) {
                        String tag = firstSegment(type);
                        builder.addResource(type, "/", tag, "Platform: /" + tag);
                    }
                }
            }
        }
        for (ModuleEndpoint e : dispatcher.all()) {
            String base = switch (e.attach()) {
                case ROOT -> "/" + e.path();
                case CONTACT -> "/contacts/{id:\\d+}/" + e.path();
                case ACCOUNT -> "/accounts/{id:\\d+}/" + e.path();
            };
            CrmModule module = moduleOf(e);
            String tag = module != null ? module.id() : FrameworkUtil.getBundle(e.getClass()).getSymbolicName();
            builder.addResource(e.getClass(), base, tag, module != null ? module.name() + " (module " + module.id() + " " + FrameworkUtil.getBundle(module.getClass()).getVersion() + ")" : tag);
        }
        return builder.build("OpenCRM API", "1", DESCRIPTION);
    }

    /** The class of a whiteboard resource, looked up by its service id and released again at once. */
    private Class<?> resourceClass(long serviceId) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(service.id=" + serviceId + ")");
            if (refs == null || refs.length == 0) {
                return null;
            }
            Object service = context.getService(refs[0]);
            try {
                return service == null ? null : service.getClass();
            } finally {
                if (service != null) {
                    context.ungetService(refs[0]);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private CrmModule moduleOf(ModuleEndpoint endpoint) {
        Bundle bundle = FrameworkUtil.getBundle(endpoint.getClass());
        for (CrmModule m : modules) {
            if (bundle != null && bundle.equals(FrameworkUtil.getBundle(m.getClass()))) {
                return m;
            }
        }
        return null;
    }

    private static String firstSegment(Class<?> type) {
        Path p = type.getAnnotation(Path.class);
        String path = p == null ? "" : p.value().replaceAll("^/+", "");
        String first = path.split("[/{]")[0];
        return first.isEmpty() ? "platform" : first.replace(".json", "");
    }
}
