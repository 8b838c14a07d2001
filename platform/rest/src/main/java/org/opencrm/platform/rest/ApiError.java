package org.opencrm.platform.rest;

/**
 * The error body of every failed call: {"error":"invalid_input","message":"...","field":"mobile","messageKey":"required"}.
 * {@code messageKey} (since 1.4) names the broken rule of a business refusal ({@code CrmException.messageKey()}), the same
 * key the web UI translates; {@code message} is in the caller's language (Accept-Language) where the platform or the
 * module has the rule's text ({@link RefusalTexts}), else in English.
 */
@ApiSchema(required = { "error", "message" }, description = "The body of every error answer. `error` is a stable code (invalid_input, "
        + "not_found, duplicate, stale_version, forbidden, unauthorized, ...), `message` a human-readable text in the language the request "
        + "asks for with Accept-Language (zh-CN or English) where that text exists, else in English, `field` the field or parameter "
        + "at fault, if any, `messageKey` the broken rule's stable key (e.g. required, audit.photoType), if any, for clients that "
        + "word refusals themselves. Some answers add details, e.g. the balance when there are too few points.")
public record ApiError(String error, String message, String field, String messageKey) {

    /** An error without a rule's key. */
    public ApiError(String error, String message, String field) {
        this(error, message, field, null);
    }
}
