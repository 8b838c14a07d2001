package org.opencrm.platform.api;

/**
 * The caller has the permission but the record, store or centre is outside their data scope (HTTP 403). The message
 * says which, not "permission required". Thrown before anything is written.
 */
public class ScopeDeniedException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;
    private final String message;

    /** {@code message}: what is outside the scope, e.g. "store 12 is outside your data scope". */
    public ScopeDeniedException(String message) {
        super("data scope");
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
