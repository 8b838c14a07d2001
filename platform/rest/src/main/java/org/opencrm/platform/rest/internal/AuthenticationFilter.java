package org.opencrm.platform.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.security.CrmUser;
import org.opencrm.platform.api.security.SignInOrigin;
import org.opencrm.platform.api.security.SignInResult;
import org.opencrm.platform.api.security.UserService;
import org.opencrm.platform.rest.ApiError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * HTTP Basic authentication of every call against the platform's one user store. Resources find the user as the
 * request's principal (see RestSupport.user). Unauthenticated calls never reach a resource. After repeated failed
 * sign-ins of a user name or from a client address, calls are answered 429 with {@code Retry-After} (nothing is
 * checked, the right password included) until the back-off ends; when too many passwords are being checked at once,
 * 503 with {@code Retry-After}.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    private final UserService users;
    /** The servlet request of the current call (CXF injects a thread-local proxy). */
    @Context
    HttpServletRequest servletRequest;

    @Activate
    public AuthenticationFilter(@Reference UserService users) {
        this.users = users;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        SignInResult result = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION), request.getHeaderString("X-Forwarded-For"));
        switch (result.outcome()) {
            case SIGNED_IN -> {
                // below
            }
            case THROTTLED -> {
                request.abortWith(Response.status(429).header(HttpHeaders.RETRY_AFTER, result.retryAfterSeconds()).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Json.text(new ApiError("too_many_attempts", "too many failed sign-ins for this user name or from this address; try again in "
                                + result.retryAfterSeconds() + " s", null))).build());
                return;
            }
            case BUSY -> {
                request.abortWith(Response.status(503).header(HttpHeaders.RETRY_AFTER, result.retryAfterSeconds()).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Json.text(new ApiError("server_busy", "too many sign-ins are being checked at the moment; try again in "
                                + result.retryAfterSeconds() + " s", null))).build());
                return;
            }
            default -> {
                request.abortWith(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"opencrm\", charset=\"UTF-8\"")
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Json.text(new ApiError("unauthorized", "valid credentials are required (HTTP Basic)", null))).build());
                return;
            }
        }
        CrmUser u = result.user();
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

    private SignInResult authenticate(String header, String forwardedFor) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return SignInResult.refused();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badBase64) {
            return SignInResult.refused();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return SignInResult.refused();
        }
        String peer = servletRequest == null ? null : servletRequest.getRemoteAddr();
        return users.signIn(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray(),
                new SignInOrigin(SignInOrigin.REST, peer, forwardedFor));
    }
}
