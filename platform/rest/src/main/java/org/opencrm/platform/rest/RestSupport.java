package org.opencrm.platform.rest;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.security.CrmUser;

/**
 * What every resource method needs: the acting user, simple argument checks, the caller's language and (since 1.6) the
 * answer of a printed document.
 */
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
            throw new InvalidInputException("body", "a JSON request body is required", "bodyRequired");
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

    /**
     * The language of a printed document (since 1.6): {@code ?lang=} when it names Chinese or English (the web shell passes
     * its user's language, since a link opened in the browser sends the browser's Accept-Language, not the user's
     * choice), else {@link #language(HttpHeaders)}: the same rule as every other answer of the API, English by default.
     */
    public static Locale language(String lang, HttpHeaders headers) {
        if (lang != null) {
            String l = lang.trim().toLowerCase(Locale.ROOT);
            if (l.startsWith("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if (l.startsWith("en")) {
                return Locale.ENGLISH;
            }
        }
        return language(headers);
    }

    /**
     * An optional platform service a call needs (since 1.6), e.g. the PDF documents of feature crm-platform-pdf, which a
     * module refers to with an optional dynamic reference: the service itself, or a 503 {"error":"unavailable"} naming
     * the missing feature when it is not installed (the deployment's fault, not the caller's).
     */
    public static <T> T installed(T service, String feature) {
        if (service == null) {
            throw new ServiceUnavailableException("this needs the feature " + feature + ", which is not installed on this server");
        }
        return service;
    }

    /** A generated document (since 1.6), e.g. a PDF, shown in the browser and saved under {@code fileName} (letters, digits, dots and dashes kept). */
    public static Response document(byte[] content, String mediaType, String fileName) {
        String safe = fileName.replaceAll("[^0-9A-Za-z.-]", "");
        return Response.ok(content, mediaType).header("Content-Disposition", "inline; filename=\"" + safe + "\"").build();
    }
}
