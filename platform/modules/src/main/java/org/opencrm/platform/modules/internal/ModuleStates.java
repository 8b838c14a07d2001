package org.opencrm.platform.modules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleState;

/** The rules that turn observed facts into the state an administrator sees. */
final class ModuleStates {
    static final String FEATURE_PREFIX = "crm-";
    private static final String PLATFORM_PREFIX = "crm-platform";

    private ModuleStates() {
    }

    /** The module id of a feature name, or null when the feature is not a CRM module (platform or other). */
    static String moduleId(String featureName) {
        if (featureName == null || !featureName.startsWith(FEATURE_PREFIX) || featureName.startsWith(PLATFORM_PREFIX)
                || featureName.length() == FEATURE_PREFIX.length()) {
            return null;
        }
        return featureName.substring(FEATURE_PREFIX.length());
    }

    /**
     * @param activeIds ids of modules whose descriptor service is registered right now
     */
    static ModuleInfo describe(ModuleFacts f, Set<String> activeIds) {
        Set<String> requires = new LinkedHashSet<>(f.featureRequires());
        requires.addAll(f.descriptorRequires());
        List<String> requiresList = List.copyOf(requires);
        String name = f.hasDescriptor() ? f.descriptorName() : f.featureDescription() != null && !f.featureDescription().isBlank()
                ? f.featureDescription() : f.id();
        String version = f.hasDescriptor() ? f.descriptorVersion() : f.featureVersion();

        boolean enabled = f.installed() || (f.feature() == null && f.hasDescriptor());
        if (!enabled) {
            return new ModuleInfo(f.id(), name, version, f.lastFailure() == null ? ModuleState.AVAILABLE : ModuleState.FAILED,
                    f.lastFailure(), requiresList, f.feature());
        }
        List<String> reasons = new ArrayList<>();
        List<String> missing = requiresList.stream().filter(r -> !activeIds.contains(r)).toList();
        if (!missing.isEmpty()) {
            reasons.add("needs module" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ", which "
                    + (missing.size() > 1 ? "are" : "is") + " not active");
        }
        reasons.addAll(f.problems());
        if (!f.hasDescriptor() && reasons.isEmpty()) {
            reasons.add("its descriptor (a CrmModule service with id '" + f.id() + "') is not registered");
        }
        if (reasons.isEmpty()) {
            return new ModuleInfo(f.id(), name, version, ModuleState.ACTIVE, null, requiresList, f.feature());
        }
        return new ModuleInfo(f.id(), name, version, ModuleState.FAILED, String.join("; ", reasons), requiresList, f.feature());
    }

    /**
     * Karaf's resolution errors nest "[caused by: ...]" clauses; the innermost one names the missing piece,
     * e.g. {@code missing requirement [crm-x/1.0.0] osgi.service; filter:="(objectClass=...)"}.
     */
    static String installFailure(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() != null ? t.getMessage() : e.getMessage() != null ? e.getMessage() : e.toString();
        int caused = msg.lastIndexOf("[caused by: ");
        if (caused >= 0) {
            msg = msg.substring(caused + "[caused by: ".length());
            while (msg.endsWith("]")) {
                msg = msg.substring(0, msg.length() - 1);
            }
        }
        return "could not be installed: " + msg.strip();
    }
}
