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
 * takes JSON, and CSV as {@code text/csv}; no endpoint of the platform or of a module accepts a form.
 * {@code multipart/form-data} (what {@code curl -F} sends to the photo and file uploads) is taken only from a
 * request that proves it is not a cross-site form: one with an {@code X-Requested-With} header (a form cannot set a
 * header, and another site's script cannot either without a CORS preflight, which the API never grants), or one a
 * browser marks as same-origin ({@code Sec-Fetch-Site: same-origin}, or an {@code Origin} equal to the API's own).
 * The {@code Authorization} header proves nothing here: a browser adds its cached Basic credentials to a cross-site
 * form's request by itself.</li>
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
    /** The header a client sets to show that it is not an HTML form (any value; curl: -H "X-Requested-With: curl"). */
    static final String NOT_A_FORM_HEADER = "X-Requested-With";

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            refuse(request, 403, new ApiError("cross_site_request", "requests from other web sites are refused", null, "crossSiteRequest"));
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (site == null && origin != null && !sameOrigin(origin, request.getHeaderString(HttpHeaders.HOST))) {
            refuse(request, 403, new ApiError("cross_site_request", "requests from other web sites are refused", null, "crossSiteRequest"));
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            String base = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (base.equals("multipart/form-data") && notAForm(request, site, origin)) {
                return;
            }
            if (FORM_TYPES.contains(base)) {
                refuse(request, 415, new ApiError("unsupported_media_type", "content type " + base
                        + " is not accepted: send JSON (application/json) or CSV (text/csv); an upload as multipart/form-data needs the header "
                        + NOT_A_FORM_HEADER + " (e.g. curl -H \"" + NOT_A_FORM_HEADER + ": curl\" -F file=@photo.jpg)", null, "formContentType"));
            }
        }
    }

    /**
     * Whether a multipart/form-data request cannot be a cross-site form: it carries a header no form can set, or the
     * browser says it comes from the API's own pages (the checks above have already refused any other site).
     */
    static boolean notAForm(ContainerRequestContext request, String site, String origin) {
        String marker = request.getHeaderString(NOT_A_FORM_HEADER);
        if (marker != null && !marker.isBlank()) {
            return true;
        }
        return site != null ? site.equalsIgnoreCase("same-origin") : origin != null; // a foreign or "null" Origin was refused above
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
        request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.text(error)).build());
    }
}
