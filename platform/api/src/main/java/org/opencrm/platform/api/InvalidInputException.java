package org.opencrm.platform.api;

/** Input that breaks a rule (HTTP 400). Nothing was written. */
public class InvalidInputException extends CrmException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String field, String message) {
        super(message, field);
    }

    /** See {@link CrmException#messageKey()}. */
    public InvalidInputException(String field, String message, String messageKey, Object... messageArgs) {
        super(message, field, messageKey, messageArgs);
    }

    @Override
    public String code() {
        return "invalid_input";
    }
}
