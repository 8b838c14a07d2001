package org.opencrm.platform.rest;

/** The error body of every failed call: {"error":"invalid_input","message":"...","field":"mobile"}. */
@ApiSchema(required = { "error", "message" }, description = "The body of every error answer. `error` is a stable code (invalid_input, "
        + "not_found, duplicate, stale_version, forbidden, unauthorized, ...), `message` a human-readable text, `field` the field or parameter "
        + "at fault, if any. Some answers add details, e.g. the balance when there are too few points.")
public record ApiError(String error, String message, String field) {
}
