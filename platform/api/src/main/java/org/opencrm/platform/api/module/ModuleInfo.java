package org.opencrm.platform.api.module;

import java.util.List;

/**
 * What the platform knows about one module. {@code reason} explains a FAILED state, else null; {@code version} is the
 * Bundle-Version of the bundle that registered the module's descriptor (the feature's version while it is not running).
 */
public record ModuleInfo(String id, String name, String version, ModuleState state, String reason,
        List<String> requires, String feature) {
}
