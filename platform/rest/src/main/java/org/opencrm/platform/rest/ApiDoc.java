package org.opencrm.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the OpenAPI document ({@code /api/v1/openapi.json}) cannot read from a resource method's JAX-RS annotations
 * and Java types: its operationId (and with it the method name of generated clients), the status of a successful
 * answer and, for methods that return a {@code javax.ws.rs.core.Response}, the type of its entity. Everything else
 * (path, parameters, request body, content types, the JSON schemas of the DTOs) comes from the method itself.
 * <pre>
 * &#64;POST
 * &#64;ApiDoc(value = "createContact", status = 201, returns = ContactData.class)
 * public Response create(ContactData body, &#64;Context SecurityContext sc) { ... }
 * </pre>
 * A method without it is still documented, with an operationId made of its Java method and class names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiDoc {
    /** The operationId, lowerCamelCase and unique in the API, e.g. "listContacts", "getContactTimeline". */
    String value();

    /** One line; default: the operationId in words ("getContactTimeline" → "Get contact timeline"). */
    String summary() default "";

    /** Longer text (CommonMark), e.g. what a search parameter matches. */
    String description() default "";

    /** The status of a successful answer: 200, 201 (created) or 204 (no content). A void method answers 204. */
    int status() default 200;

    /**
     * The entity type when the method returns a {@code Response}, or when its Java return type is not what the client
     * receives (e.g. a String of JSON). Default: the Java return type.
     */
    Class<?> returns() default Void.class;

    /** Whether the request body may be left out (default: required when the method takes one). */
    boolean bodyRequired() default true;

    /**
     * Types of query parameters the method takes as text and parses itself (with {@code QueryParams}), e.g.
     * {@code @ApiDoc.Param(name = "warehouseId", type = Long.class)}; an enum type lists its constants.
     */
    Param[] params() default {};

    /** The real type of one query parameter that the method receives as a String. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Param {
        String name();

        /** Long, Integer, Boolean, LocalDate, an enum, ... */
        Class<?> type();

        String description() default "";
    }
}
