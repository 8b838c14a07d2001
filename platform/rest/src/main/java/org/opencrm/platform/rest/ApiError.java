package org.opencrm.platform.rest;

/** The error body of every failed call: {"error":"invalid_input","message":"...","field":"mobile"}. */
public record ApiError(String error, String message, String field) {
}
