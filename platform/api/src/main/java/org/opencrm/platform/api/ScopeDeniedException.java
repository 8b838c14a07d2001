package org.opencrm.platform.api;

/**
 * The caller has the permission but the record, store or centre is outside their data scope (HTTP 403). The message
 * says which, not "permission required". Thrown before anything is written.
 */
public class ScopeDeniedException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;
    /** The message key of {@link #outside(String)}; its one value is what is outside the scope. */
    public static final String OUTSIDE_SCOPE = "outsideScope";

    /** {@code message}: what is outside the scope, e.g. "store 12 is outside your data scope". */
    public ScopeDeniedException(String message) {
        super(message, null);
    }

    /** With the key and values that say the refusal in the user's language (see {@link CrmException#messageKey()}). */
    public ScopeDeniedException(String message, String messageKey, Object... messageArgs) {
        super(message, messageKey, messageArgs);
    }

    /** "{what} is outside your data scope", with the key {@value #OUTSIDE_SCOPE} and {@code what} as its argument. */
    public static ScopeDeniedException outside(String what) {
        return new ScopeDeniedException(what + " is outside your data scope", OUTSIDE_SCOPE, what);
    }
}
