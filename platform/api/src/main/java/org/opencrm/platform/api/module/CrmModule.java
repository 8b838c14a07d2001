package org.opencrm.platform.api.module;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The descriptor every CRM module publishes as an OSGi service while it is active. The platform lists it,
 * checks that the modules it needs are active too, and reports it as FAILED with the reason when they are not.
 * The module's version is the version of the bundle that registers the descriptor (its Bundle-Version, i.e. its
 * Maven version): there is nothing to keep in step by hand.
 */
@ConsumerType
public interface CrmModule {
    /** Stable id, e.g. "membership-points"; the module's Karaf feature is "crm-" + id. */
    String id();

    /** Human name in English (UI translations live in the module's resource bundles). */
    String name();

    /**
     * Not called by the platform since module API 1.1.0, which reports the Bundle-Version of the bundle that registers
     * this descriptor. Kept so that descriptors built against 1.0 still load.
     *
     * @deprecated the version comes from the module's bundle; do not implement
     */
    @Deprecated
    default String version() {
        return null;
    }

    /** Ids of modules that must be active for this one to work. */
    default List<String> requires() {
        return List.of();
    }
}
