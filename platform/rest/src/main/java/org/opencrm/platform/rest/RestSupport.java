package org.opencrm.platform.rest;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.HttpHeaders;
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

    /**
     * The caller's language as the API speaks it (since 1.5): the first Chinese or English entry of the
     * {@code Accept-Language} list ({@link Locale#SIMPLIFIED_CHINESE} or {@link Locale#ENGLISH}), English when there is
     * none or the header is malformed. The same choice words the refusals ({@link RefusalTexts}), so that a response's
     * texts and its errors are in one language.
     */
    public static Locale language(HttpHeaders headers) {
        try {
            return language(headers == null ? null : headers.getAcceptableLanguages());
        } catch (RuntimeException malformedOrOutsideACall) {
            return Locale.ENGLISH;
        }
    }

    /** {@link #language(HttpHeaders)} of an already parsed {@code Accept-Language} list, in preference order. */
    public static Locale language(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale l : acceptable) {
                if ("zh".equals(l.getLanguage())) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
                if ("en".equals(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
