package org.opencrm.platform.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

import org.opencrm.platform.api.CrmRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * The headers every answer of the API carries, errors and refusals included: the answers hold personal data
 * (names, mobiles, addresses), so neither a browser nor a proxy keeps them ({@code Cache-Control: no-store}, unless a
 * resource says otherwise); a browser never guesses another content type, never renders an answer as a page, never
 * frames it, and sends no referrer from it; other sites may not embed it ({@code Cross-Origin-Resource-Policy}).
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class ApiResponseHeaders implements ContainerResponseFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        if (!h.containsKey(HttpHeaders.CACHE_CONTROL)) {
            h.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("Cross-Origin-Resource-Policy", "same-origin");
    }
}
