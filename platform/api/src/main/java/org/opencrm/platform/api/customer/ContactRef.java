package org.opencrm.platform.api.customer;

import java.time.LocalDate;

/**
 * What a module needs to know of a core contact. {@code birthday} is null when unknown (and from a core that does
 * not fill it yet).
 */
public record ContactRef(long id, String name, String mobile, Long accountId, LocalDate birthday) {
    /** A contact without a known birthday (the shape of API 1.1). */
    public ContactRef(long id, String name, String mobile, Long accountId) {
        this(id, name, mobile, accountId, null);
    }
}
