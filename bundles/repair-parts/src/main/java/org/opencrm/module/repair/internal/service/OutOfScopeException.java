package org.opencrm.module.repair.internal.service;

import org.opencrm.platform.api.AccessDeniedException;

/** 403 for acting for a service centre or warehouse outside the caller's data scope. Nothing was written. */
public class OutOfScopeException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;
    private final String what;

    public OutOfScopeException(String what) {
        super("data scope");
        this.what = what;
    }

    @Override
    public String getMessage() {
        return what + " is outside your data scope";
    }
}
