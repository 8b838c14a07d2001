package org.opencrm.platform.api.security;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: the permissions a module defines, and which of the platform's roles get them by default. Roles
 * grant permissions by id or by pattern ("core.*").
 */
@ConsumerType
public interface PermissionSet {
    String moduleId();

    List<Permission> permissions();

    /**
     * The module's default grants: role name → ids of this set's permissions (or a pattern over them such as
     * "repair.*") that the role gets while the module is active, e.g. {@code Map.of("store", List.of("handset.read",
     * "handset.sale"))}. The platform's built-in roles (admin, manager, agent, partner, store, service, service-hq,
     * viewer) name no module's permission; each module brings its own grants here, and the security bundle merges
     * them into the roles. A grant that names another module's or the core's permission is ignored. An operator who
     * sets {@code roles} in etc/org.opencrm.security.cfg defines the roles exactly: module grants are not added then.
     *
     * @since 1.3
     */
    default Map<String, List<String>> defaultGrants() {
        return Map.of();
    }
}
