package org.opencrm.platform.api;

/** The addressed record does not exist or is outside the caller's data scope (HTTP 404). */
public class RecordNotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    public RecordNotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found", null, "notFound", recordType, id == null ? null : String.valueOf(id));
    }

    @Override
    public String code() {
        return "not_found";
    }
}
