package org.opencrm.platform.rest.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.rest.ModuleEndpoint;
import org.opencrm.platform.rest.ModuleEndpoints;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves modules' endpoints from inside the one application: a sub-resource locator looks the endpoint up per
 * request, so modules come and go without the JAX-RS whiteboard rebuilding the application. Literal paths of
 * the core ("contacts", ...) always win over this catch-all template in JAX-RS matching.
 */
@Component(service = { EndpointDispatcher.class, ModuleEndpoints.class })
@JaxrsResource
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@Path("/")
public class EndpointDispatcher implements ModuleEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointDispatcher.class);
    private final Map<String, ModuleEndpoint> endpoints = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addEndpoint(ModuleEndpoint endpoint) {
        ModuleEndpoint previous = endpoints.putIfAbsent(key(endpoint.attach(), endpoint.path()), endpoint);
        if (previous != null) {
            LOG.warn("Two modules claim the REST path {} {}: keeping {}, ignoring {}", endpoint.attach(), endpoint.path(),
                    previous.getClass().getName(), endpoint.getClass().getName());
        }
    }

    void removeEndpoint(ModuleEndpoint endpoint) {
        endpoints.remove(key(endpoint.attach(), endpoint.path()), endpoint);
    }

    @Path("{endpoint: [a-z][a-z0-9-]*}")
    public ModuleEndpoint root(@PathParam("endpoint") String path) {
        return require(ModuleEndpoint.Attach.ROOT, path);
    }

    @Override
    public Optional<ModuleEndpoint> find(ModuleEndpoint.Attach attach, String path) {
        return Optional.ofNullable(endpoints.get(key(attach, path)));
    }

    /** For the OpenAPI document. */
    Collection<ModuleEndpoint> all() {
        return List.copyOf(endpoints.values());
    }

    private static String key(ModuleEndpoint.Attach attach, String path) {
        return attach + "/" + path;
    }
}
