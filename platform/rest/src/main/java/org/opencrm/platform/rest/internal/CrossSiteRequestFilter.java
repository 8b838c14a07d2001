package org.opencrm.platform.rest.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.rest.ApiError;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Refuses what another web site could make a browser send with the user's cached Basic credentials (CSRF), on
 * every call that changes something (POST, PUT, PATCH, DELETE):
 * <ul>
 * <li>the three content types an HTML form or a "simple" cross-site request may carry without asking the server
 * first ({@code text/plain}, {@code application/x-www-form-urlencoded}, {@code multipart/form-data}): 415. The API
 * takes JSON, and CSV as {@code text/csv}; no endpoint of the platform or of a module accepts a form.</li>
 * <li>a request the browser marks as coming from another site ({@code Sec-Fetch-Site: cross-site} or
 * {@code same-site}), or, from browsers that do not send that header, with an {@code Origin} other than the API's
 * own: 403 {@code cross_site_request}. Clients that are not browsers send neither header and are not affected.</li>
 * </ul>
 * Runs after authentication, so an unauthenticated request is still a 401.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class CrossSiteRequestFilter implements ContainerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            refuse(request, 403, new ApiError("cross_site_request", "requests from other web sites are refused", null));
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (site == null && origin != null && !sameOrigin(origin, request.getHeaderString(HttpHeaders.HOST))) {
            refuse(request, 403, new ApiError("cross_site_request", "requests from other web sites are refused", null));
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            String base = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (FORM_TYPES.contains(base)) {
                refuse(request, 415, new ApiError("unsupported_media_type",
                        "content type " + base + " is not accepted: send JSON (application/json) or CSV (text/csv)", null));
            }
        }
    }

    /** Whether an Origin header names the host (and port) the request was sent to. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI o = URI.create(origin.trim());
            if (o.getHost() == null) {
                return false;
            }
            int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            String expected = host.trim().toLowerCase(Locale.ROOT);
            String originHost = o.getHost().toLowerCase(Locale.ROOT);
            return expected.equals(originHost + ":" + port) || (expected.equals(originHost) && (port == 80 || port == 443));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(ContainerRequestContext request, int status, ApiError error) {
        request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build());
    }
}
