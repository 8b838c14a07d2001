package org.opencrm.platform.api;

/** A duplicate, a stale version or a state that forbids the change (HTTP 409). Nothing was written. */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public ConflictException(String code, String field, String message) {
        super(message, field);
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
