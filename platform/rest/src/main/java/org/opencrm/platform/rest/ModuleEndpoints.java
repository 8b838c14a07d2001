package org.opencrm.platform.rest;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The endpoints modules registered right now; resources of the core use it to serve CONTACT and ACCOUNT ones. */
@ProviderType
public interface ModuleEndpoints {
    Optional<ModuleEndpoint> find(ModuleEndpoint.Attach attach, String path);

    /**
     * A sub-resource locator's answer: the endpoint for {@code path}, or a 404 naming what was asked for.
     */
    default ModuleEndpoint require(ModuleEndpoint.Attach attach, String path) {
        return find(attach, path).orElseThrow(() -> new org.opencrm.platform.api.RecordNotFoundException("resource", path));
    }
}
