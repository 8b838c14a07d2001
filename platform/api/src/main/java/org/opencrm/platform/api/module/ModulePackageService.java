package org.opencrm.platform.api.module;

import java.io.InputStream;
import java.util.List;

import org.opencrm.platform.api.security.CrmUser;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Module packages of third parties: KAR files (Karaf archives) that bring one or more modules. An installed
 * package's modules show as AVAILABLE and are enabled through {@link ModuleService} like the shipped ones. Every
 * call requires {@code platform.modules.manage}.
 */
@ProviderType
public interface ModulePackageService {
    /** What an upload added: the package's name (its file name without .kar) and its modules as they are now. */
    record InstalledPackage(String name, List<ModuleInfo> modules) {
    }

    /** The installed packages by name. */
    List<String> packages(CrmUser actor);

    /**
     * Checks the KAR and installs it. Refused, with nothing changed: not a KAR of CRM modules (InvalidInputException
     * naming why), a module or package already present (ConflictException), too large (PayloadTooLargeException).
     */
    InstalledPackage install(CrmUser actor, InputStream kar, String fileName);

    /** Removes a package; refused (ConflictException) while one of its modules is enabled. */
    void remove(CrmUser actor, String name);
}
