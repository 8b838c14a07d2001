package org.opencrm.module.membership.internal.service;

import org.opencrm.platform.api.AccessDeniedException;

/** 403 for a record outside the caller's data scope, with a message that says so (not "permission required"). */
public class ScopeDeniedException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;
    private final String message;

    public ScopeDeniedException(String message) {
        super("data scope");
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
