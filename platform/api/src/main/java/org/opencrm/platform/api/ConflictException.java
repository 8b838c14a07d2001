package org.opencrm.platform.api;

/** A duplicate, a stale version or a state that forbids the change (HTTP 409). Nothing was written. */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public ConflictException(String code, String field, String message) {
        super(message, field);
        this.code = code;
    }

    /**
     * With the broken rule's key and values, so that a UI can say it in the user's language (see
     * {@link CrmException#messageKey()}); {@code message} stays the English text of the REST API.
     */
    public ConflictException(String code, String field, String message, String messageKey, Object... messageArgs) {
        super(message, field, messageKey, messageArgs);
        this.code = code;
    }

    public static ConflictException staleVersion(String recordType, Object id) {
        return new ConflictException("stale_version", "version",
                recordType + " " + id + " was changed by someone else; reload it and apply your change again");
    }

    @Override
    public String code() {
        return code;
    }
}
