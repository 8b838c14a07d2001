package org.opencrm.platform.api.module;

import java.util.List;

/**
 * The descriptor every CRM module publishes as an OSGi service while it is active. The platform lists it,
 * checks that the modules it needs are active too, and reports it as FAILED with the reason when they are not.
 */
public interface CrmModule {
    /** Stable id, e.g. "membership-points"; the module's Karaf feature is "crm-" + id. */
    String id();

    /** Human name in English (UI translations live in the module's resource bundles). */
    String name();

    String version();

    /** Ids of modules that must be active for this one to work. */
    default List<String> requires() {
        return List.of();
    }
}
