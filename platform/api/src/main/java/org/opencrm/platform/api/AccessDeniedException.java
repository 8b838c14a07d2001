package org.opencrm.platform.api;

/** The caller is authenticated but lacks the permission (HTTP 403). */
public class AccessDeniedException extends CrmException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String permission) {
        super("permission required: " + permission, null);
    }

    @Override
    public String code() {
        return "forbidden";
    }
}
