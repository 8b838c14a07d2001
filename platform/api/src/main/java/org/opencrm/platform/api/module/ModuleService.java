package org.opencrm.platform.api.module;

import java.util.List;
import java.util.Optional;

import org.opencrm.platform.api.security.CrmUser;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists, enables and disables CRM modules at runtime. Every path (shell, REST, admin page) goes through this
 * service, and the set of enabled modules is the Karaf features service's own installed set (persisted under
 * data/), so there is one source of truth whichever path changed it. Enabling and disabling never refresh or
 * restart other bundles, and disabling never drops a module's data.
 */
@ProviderType
public interface ModuleService {
    /** Every module the platform knows: enabled ones and those whose feature is merely available. */
    List<ModuleInfo> modules();

    Optional<ModuleInfo> module(String id);

    /**
     * Installs the module's feature and returns once it is ACTIVE or FAILED (with the reason). Requires the
     * {@code platform.modules.manage} permission.
     */
    ModuleInfo enable(CrmUser actor, String id);

    /**
     * Uninstalls the module's feature and returns once its bundles are gone; its tables and rows stay. Refused
     * with a ConflictException while an enabled module needs it.
     */
    ModuleInfo disable(CrmUser actor, String id);
}
