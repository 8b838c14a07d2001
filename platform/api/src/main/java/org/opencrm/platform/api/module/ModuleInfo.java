package org.opencrm.platform.api.module;

import java.util.List;

/** What the platform knows about one module. {@code reason} explains a FAILED state, else null. */
public record ModuleInfo(String id, String name, String version, ModuleState state, String reason,
        List<String> requires, String feature) {
}
