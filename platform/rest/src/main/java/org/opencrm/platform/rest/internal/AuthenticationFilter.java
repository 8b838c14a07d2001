package org.opencrm.platform.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.UserService;
import org.opencrm.platform.rest.ApiError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * HTTP Basic authentication of every call against the platform's one user store. Resources find the user as
 * the request's principal (see RestSupport.user). Unauthenticated calls never reach a resource.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    private final UserService users;

    @Activate
    public AuthenticationFilter(@Reference UserService users) {
        this.users = users;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<CrmUser> user = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (user.isEmpty()) {
            request.abortWith(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"opencrm\", charset=\"UTF-8\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("unauthorized", "valid credentials are required (HTTP Basic)", null)).build());
            return;
        }
        CrmUser u = user.get();
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return u;
            }

            @Override
            public boolean isUserInRole(String role) {
                return u.roles().contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        });
    }

    private Optional<CrmUser> authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
    }
}
