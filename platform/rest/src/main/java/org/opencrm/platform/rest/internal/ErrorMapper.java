package org.opencrm.platform.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.opencrm.platform.api.AccessDeniedException;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.CrmRest;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.PayloadTooLargeException;
import org.opencrm.platform.api.RecordNotFoundException;
import org.opencrm.platform.persistence.SqlFailure;
import org.opencrm.platform.rest.ApiError;
import org.opencrm.platform.rest.RefusalTexts;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure of every resource, once, to a status and the {"error","message","field","messageKey"} body; a
 * business refusal's message in the caller's language (Accept-Language) where a {@link RefusalTexts} bundle words it.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private final List<RefusalTexts> texts = new CopyOnWriteArrayList<>();
    /** The current call's headers (CXF injects a thread-local proxy). */
    @Context
    HttpHeaders headers;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addTexts(RefusalTexts t) {
        texts.add(t);
    }

    void removeTexts(RefusalTexts t) {
        texts.remove(t);
    }

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof CrmException c) {
            return respond(status(c), new ApiError(c.code(), RefusalWording.message(c, language(), texts), c.field(), c.messageKey()));
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            InvalidInputException i = Json.toInvalidInput(j);
            return respond(400, new ApiError(i.code(), RefusalWording.message(i, language(), texts), i.field(), i.messageKey()));
        }
        if (isOptimisticLock(e)) {
            return respond(409, new ApiError("stale_version", "the record was changed by someone else; reload it and apply your change again", "version"));
        }
        if (isMalformedEscape(e)) {
            // CXF decodes the query string with the parameters and fails on "%E0%A4%A" or "%zz"
            return respond(400, new ApiError("invalid_input", "the request has a malformed %-escape; percent-encode '%' as %25", null));
        }
        if (isConstraintViolation(e)) {
            // a duplicate that slipped past the service's own check (two writers at the same moment)
            return respond(409, new ApiError("duplicate", "the change conflicts with data saved at the same moment (a duplicate); reload and try again",
                    null));
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            String code = switch (status) {
                case 401 -> "unauthorized";
                case 403 -> "forbidden";
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 406, 415 -> "unsupported_media_type";
                case 503 -> "unavailable";
                default -> status < 500 ? "invalid_input" : "server_error";
            };
            Response.ResponseBuilder b = Response.fromResponse(w.getResponse()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.text(new ApiError(code, status == 404 ? "no such resource" : w.getMessage(), null)));
            return b.build();
        }
        LOG.error("Unexpected failure in a REST call", thrown);
        return respond(500, new ApiError("server_error", "unexpected server error; see the server log", null));
    }

    private Locale language() {
        try {
            return RefusalWording.language(headers == null ? null : headers.getAcceptableLanguages());
        } catch (RuntimeException outsideACall) {
            return Locale.ENGLISH; // no request bound to the proxy (a unit test), or a malformed header
        }
    }

    private static int status(CrmException c) {
        if (c instanceof InvalidInputException) {
            return 400;
        }
        if (c instanceof PayloadTooLargeException) {
            return 413;
        }
        if (c instanceof RecordNotFoundException) {
            return 404;
        }
        if (c instanceof AccessDeniedException) {
            return 403;
        }
        if (c instanceof ConflictException) {
            return 409;
        }
        return 400;
    }

    /** Transaction layers wrap what the service threw; the business exception is what the client must see. */
    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        for (int i = 0; i < 10 && e != null; i++) {
            if (e instanceof CrmException || isOptimisticLock(e)) {
                return e;
            }
            e = e.getCause();
        }
        return t;
    }

    /** CXF's UrlUtils: "Invalid URL encoding: ..." for a % not followed by two hex digits. */
    private static boolean isMalformedEscape(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getMessage().startsWith("Invalid URL encoding")) {
                return true;
            }
        }
        return false;
    }

    /** SQLState class 23: integrity constraint violation (unique, foreign key, check), as the platform classifies it. */
    private static boolean isConstraintViolation(Throwable e) {
        try {
            return SqlFailure.of(e).isIntegrityViolation();
        } catch (NoClassDefFoundError noPersistence) {
            return false; // REST without the persistence bundle: no database, no constraint
        }
    }

    private static boolean isOptimisticLock(Throwable e) {
        try {
            return e instanceof javax.persistence.OptimisticLockException;
        } catch (NoClassDefFoundError noJpa) {
            return false;
        }
    }

    private static Response respond(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.text(body)).build();
    }
}
