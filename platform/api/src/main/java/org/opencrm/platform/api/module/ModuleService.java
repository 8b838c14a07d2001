package org.opencrm.platform.api.module;

import java.util.List;
import java.util.Optional;

/**
 * Lists, enables and disables CRM modules at runtime. Every path (shell, REST, admin page, boot configuration)
 * goes through this service, so the set of enabled modules has one source of truth. Enabling and disabling
 * never refresh or restart other bundles, and disabling never drops a module's data.
 */
public interface ModuleService {
    List<ModuleInfo> modules();

    Optional<ModuleInfo> module(String id);

    /** Installs the module's feature and returns once it is ACTIVE or FAILED. */
    ModuleInfo enable(String id);

    /** Uninstalls the module's feature and returns once it is gone. */
    ModuleInfo disable(String id);
}
