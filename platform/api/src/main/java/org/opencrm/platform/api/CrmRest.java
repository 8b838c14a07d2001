package org.opencrm.platform.api;

/**
 * Names of the platform's one JAX-RS application, for the platform's own bundles. Modules do not register JAX-RS
 * resources: a module's REST endpoint is an {@code org.opencrm.platform.rest.ModuleEndpoint} service (JAX-RS-annotated
 * methods, no class-level {@code @Path}) that the platform dispatches to under {@link #BASE_PATH}, at
 * {@code /{path}} or below a contact or account, with authentication, JSON and error mapping, and lists in
 * {@code /api/v1/openapi.json}. It vanishes when the module's bundle stops. (A resource registered with the JAX-RS
 * whiteboard and {@link #APPLICATION_SELECT} would make the whiteboard rebuild the application on every module
 * change, and every client would get 404s for a moment.)
 */
public final class CrmRest {
    /** Name of the platform's JAX-RS application. */
    public static final String APPLICATION_NAME = "opencrm";
    /** Base path of the API. */
    public static final String BASE_PATH = "/api/v1";
    /** Service property value that binds the platform's own filters, providers and resources to its application. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    private CrmRest() {
    }
}
