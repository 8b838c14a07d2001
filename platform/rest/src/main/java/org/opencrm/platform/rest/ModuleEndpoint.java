package org.opencrm.platform.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: a module's REST endpoint. The object is a JAX-RS sub-resource: annotate its methods with
 * {@code @GET}/{@code @POST}/... and {@code @Path} (no class-level {@code @Path}; take {@code SecurityContext}
 * and other context as method parameters). The platform dispatches to it inside its one JAX-RS application, so
 * enabling or disabling a module never rebuilds that application, which would answer 404 to every client for a
 * moment.
 */
@ConsumerType
public interface ModuleEndpoint {
    /** Where an endpoint is served. */
    enum Attach {
        /** {@code /api/v1/{path}}, e.g. /api/v1/handsets */
        ROOT,
        /** {@code /api/v1/contacts/{id}/{path}}, e.g. /api/v1/contacts/7/handsets; read the id with @PathParam("id") */
        CONTACT,
        /** {@code /api/v1/accounts/{id}/{path}} */
        ACCOUNT
    }

    /** One path segment, lower case with dashes, e.g. "handset-models". */
    String path();

    default Attach attach() {
        return Attach.ROOT;
    }
}
