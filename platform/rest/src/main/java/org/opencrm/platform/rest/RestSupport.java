package org.opencrm.platform.rest;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.security.CrmUser;

/** What every resource method needs: the acting user and simple argument checks. */
public final class RestSupport {
    private RestSupport() {
    }

    /** The authenticated user of the request (the platform's filter authenticates every call). */
    public static CrmUser user(SecurityContext context) {
        if (context == null || !(context.getUserPrincipal() instanceof CrmUser user)) {
            throw new NotAuthorizedException("Basic realm=\"opencrm\"");
        }
        return user;
    }

    /** Rejects a missing JSON body with a clear 400 instead of a NullPointerException. */
    public static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON request body is required");
        }
        return body;
    }
}
