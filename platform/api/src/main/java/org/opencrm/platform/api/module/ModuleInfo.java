package org.opencrm.platform.api.module;

import java.util.List;

/**
 * What the platform knows about one module. {@code reason} explains a FAILED state in English, else null;
 * {@code reasons} are its parts as message keys and arguments (since 1.2; {@code reason} is their texts joined by
 * "; "), for a screen to say them in the user's language. {@code version} is the Bundle-Version of the bundle that
 * registered the module's descriptor (the feature's version while it is not running).
 */
public record ModuleInfo(String id, String name, String version, ModuleState state, String reason,
        List<String> requires, String feature, List<ModuleReason> reasons) {
    public ModuleInfo {
        reasons = reasons != null ? List.copyOf(reasons) : reason == null ? List.of() : List.of(ModuleReason.text(reason));
    }

    /** A module whose reason is known only as text (the shape of API 1.1). */
    public ModuleInfo(String id, String name, String version, ModuleState state, String reason, List<String> requires, String feature) {
        this(id, name, version, state, reason, requires, feature, null);
    }

    /** A module FAILED for {@code reasons} (its {@code reason} their texts), or in another state when there are none. */
    public static ModuleInfo of(String id, String name, String version, ModuleState state, List<ModuleReason> reasons, List<String> requires,
            String feature) {
        String reason = reasons == null || reasons.isEmpty() ? null : String.join("; ", reasons.stream().map(ModuleReason::text).toList());
        return new ModuleInfo(id, name, version, state, reason, requires, feature, reasons == null ? List.of() : reasons);
    }
}
