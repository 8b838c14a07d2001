package org.opencrm.platform.api;

/**
 * A request body (an import file) larger than the configured limit (HTTP 413). {@link #limit()} is the limit in bytes;
 * the message names it and where it is configured. Nothing of the request was kept.
 */
public class PayloadTooLargeException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    /** {@code where}: where the limit is configured, e.g. "maxBytes in etc/org.opencrm.import.cfg". */
    public PayloadTooLargeException(String field, long limit, String where) {
        super("the request body is larger than the limit of " + limit + " bytes (" + where + ")", field, "tooLarge", limit);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    @Override
    public String code() {
        return "too_large";
    }
}
