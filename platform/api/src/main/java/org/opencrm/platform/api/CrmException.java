package org.opencrm.platform.api;

/**
 * Base of the business errors that services throw. The REST layer maps each subtype once to an HTTP status
 * and the {"error","message","field"} body; the UI shows the message at the field.
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String messageKey;
    private final transient Object[] messageArgs;

    protected CrmException(String message, String field) {
        this(message, field, null);
    }

    /**
     * {@code messageKey} names the rule that was broken (e.g. "required", "tooLong") so that a UI can say it in the
     * user's language; {@code messageArgs} are the rule's values (e.g. the maximum length). The English
     * {@code message} stays what the REST API returns.
     */
    protected CrmException(String message, String field, String messageKey, Object... messageArgs) {
        super(message);
        this.field = field;
        this.messageKey = messageKey;
        this.messageArgs = messageArgs == null ? new Object[0] : messageArgs.clone();
    }

    /** The broken rule's key for translation, or null when only the English message exists. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArgs() {
        return messageArgs == null ? new Object[0] : messageArgs.clone();
    }

    /** The input field the problem is about, or null. */
    public String field() {
        return field;
    }

    /** A stable machine-readable code, e.g. "invalid", "not_found". */
    public abstract String code();
}
