package org.opencrm.platform.security.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;

/**
 * The effective roles: the platform's built-in roles (which name no module) plus the default grants of every active
 * module's {@link PermissionSet}, or, when the operator set {@code roles} in etc/org.opencrm.security.cfg, exactly the
 * operator's roles. Pure, so the merge is unit-tested without a framework.
 */
final class RoleGrants {
    private RoleGrants() {
    }

    /** "name=permission,permission..." lines; "admin" always exists and grants everything unless defined otherwise. */
    static Map<String, Set<String>> parse(String[] lines, Consumer<String> warn) {
        Map<String, Set<String>> parsed = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                warn.accept("Ignoring role definition without '=': " + line);
                continue;
            }
            Set<String> perms = new LinkedHashSet<>();
            for (String p : line.substring(eq + 1).split(",")) {
                if (!p.isBlank()) {
                    perms.add(p.trim());
                }
            }
            parsed.put(line.substring(0, eq).trim(), Set.copyOf(perms));
        }
        parsed.putIfAbsent("admin", Set.of("*"));
        return Map.copyOf(parsed);
    }

    /** Whether {@code roles} are the built-in default of {@link SecurityConfig#roles()} (the operator did not set any). */
    static boolean builtIn(String[] roles) {
        try {
            return Arrays.equals(roles, (String[]) SecurityConfig.class.getMethod("roles").getDefaultValue());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The roles with the modules' default grants merged in. A module may grant only its own permissions (ids of its
     * set, or a pattern "x.*" covering some of them); anything else is ignored with a warning, so that no module can
     * hand out the core's or another module's permissions. A role named only by modules exists while one of them is
     * active.
     */
    static Map<String, Set<String>> merge(Map<String, Set<String>> roles, Collection<PermissionSet> sets, Consumer<String> warn) {
        Map<String, Set<String>> merged = new LinkedHashMap<>();
        roles.forEach((role, perms) -> merged.put(role, new LinkedHashSet<>(perms)));
        for (PermissionSet set : sets) {
            Map<String, List<String>> grants = set.defaultGrants();
            if (grants == null) {
                continue;
            }
            List<String> own = ids(List.of(set));
            List<String> others = ids(sets.stream().filter(s -> s != set).toList());
            grants.forEach((role, perms) -> {
                for (String p : perms) {
                    if (ownedBy(p, own, others)) {
                        merged.computeIfAbsent(role.trim(), r -> new LinkedHashSet<>()).add(p);
                    } else {
                        warn.accept("Module " + set.moduleId() + " may not grant '" + p + "' to role " + role
                                + ": a module grants only its own permissions " + own);
                    }
                }
            });
        }
        Map<String, Set<String>> result = new LinkedHashMap<>();
        merged.forEach((role, perms) -> result.put(role, Set.copyOf(perms)));
        return Map.copyOf(result);
    }

    private static List<String> ids(Collection<PermissionSet> sets) {
        return sets.stream().flatMap(s -> s.permissions().stream()).map(Permission::id).toList();
    }

    /**
     * {@code grant} is one of {@code own}, or a pattern "stem.*" that matches some of {@code own} and none of
     * {@code others} (the permissions of the core and the other active modules).
     */
    static boolean ownedBy(String grant, List<String> own, List<String> others) {
        if (grant == null || grant.isBlank()) {
            return false;
        }
        if (!grant.endsWith("*")) {
            return own.contains(grant);
        }
        String stem = grant.substring(0, grant.length() - 1);
        return stem.endsWith(".") && stem.length() > 1 && own.stream().anyMatch(p -> p.startsWith(stem))
                && others.stream().noneMatch(p -> p.startsWith(stem));
    }
}
