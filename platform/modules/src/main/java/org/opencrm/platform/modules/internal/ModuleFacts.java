package org.opencrm.platform.modules.internal;

import java.util.List;

import org.opencrm.platform.api.module.ModuleReason;

/**
 * What the platform observed about one module: its Karaf feature (if any), its descriptor service (if
 * registered), the last install failure and the problems found in its bundles and components. Pure data, so the
 * state rules in {@link ModuleStates} are unit-testable without a framework.
 *
 * @param feature             the feature name ("crm-" + id), null for a module installed without a feature
 * @param installed           whether the feature is installed
 * @param featureRequires     module ids of the crm-* features this feature depends on
 * @param descriptorName      name from the CrmModule service, null when the service is not registered
 * @param descriptorRequires  module ids the descriptor says it needs (empty when not registered)
 * @param lastFailure         why the last enable failed (cleared by the next enable or disable), else empty
 * @param problems            bundles not active, components waiting for a service, ...
 */
record ModuleFacts(String id, String feature, String featureDescription, String featureVersion, boolean installed,
        List<String> featureRequires, String descriptorName, String descriptorVersion, List<String> descriptorRequires,
        List<ModuleReason> lastFailure, List<ModuleReason> problems) {

    ModuleFacts {
        lastFailure = lastFailure == null ? List.of() : List.copyOf(lastFailure);
    }

    boolean hasDescriptor() {
        return descriptorName != null;
    }
}
