package org.opencrm.platform.api;

/**
 * The contract for REST resources contributed by modules. A module publishes a JAX-RS resource as an OSGi
 * service (JAX-RS whiteboard) with {@code osgi.jaxrs.resource=true} and {@link #APPLICATION_SELECT}; the
 * platform then serves it under {@code /api/v1} with authentication, JSON and error mapping, and lists it in
 * {@code /api/v1/openapi.json}. It vanishes when the module's bundle stops.
 */
public final class CrmRest {
    /** Name of the platform's JAX-RS application. */
    public static final String APPLICATION_NAME = "opencrm";
    /** Base path of the API. */
    public static final String BASE_PATH = "/api/v1";
    /** Service property value that binds a resource to the platform's application. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    private CrmRest() {
    }
}
