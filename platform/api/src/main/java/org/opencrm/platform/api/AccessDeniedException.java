package org.opencrm.platform.api;

/** The caller is authenticated but lacks the permission (HTTP 403). */
public class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String permission) {
        super("permission required: " + permission, null, "permissionRequired", permission);
    }

    /** A refusal with its own English {@code message} and the key and values that say it in the user's language. */
    protected AccessDeniedException(String message, String messageKey, Object... messageArgs) {
        super(message, null, messageKey, messageArgs);
    }

    @Override
    public String code() {
        return "forbidden";
    }
}
