package org.opencrm.platform.api;

/**
 * Base of the business errors that services throw. The REST layer maps each subtype once to an HTTP status
 * and the {"error","message","field"} body; the UI shows the message at the field.
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    protected CrmException(String message, String field) {
        super(message);
        this.field = field;
    }

    /** The input field the problem is about, or null. */
    public String field() {
        return field;
    }

    /** A stable machine-readable code, e.g. "invalid", "not_found". */
    public abstract String code();
}
