package org.opencrm.platform.api.security;

import java.util.List;

/** Whiteboard service: the permissions a module defines. Roles grant them by id or by pattern ("core.*"). */
public interface PermissionSet {
    String moduleId();

    List<Permission> permissions();
}
