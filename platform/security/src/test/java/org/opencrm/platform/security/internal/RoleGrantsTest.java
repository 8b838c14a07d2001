package org.opencrm.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;

/** The built-in roles name no module; the modules' default grants are merged in while they are active. */
class RoleGrantsTest {
    /** The roles as they were hard-coded (module permissions included) before modules brought their own grants. */
    private static final String[] ROLES_BEFORE = {
        "admin=*",
        "manager=core.*,platform.modules.read,platform.users.read",
        "agent=core.contact.*,core.account.read,core.activity.*,core.timeline.read",
        "partner=core.contact.*,core.account.read,core.activity.*,core.timeline.read",
        "store=core.contact.read,core.contact.write,core.account.read,core.activity.*,core.timeline.read,handset.read,handset.sale,membership.read,membership.write,membership.cashier",
        "service=core.contact.read,core.contact.write,core.account.read,core.activity.*,core.timeline.read,handset.read,repair.read,repair.write",
        "service-hq=core.contact.read,core.account.read,core.activity.*,core.timeline.read,handset.read,repair.*",
        "viewer=*.read"
    };

    private final List<String> warnings = new ArrayList<>();

    /** What the core and the three modules declare (their PermissionSet services). */
    private static final PermissionSet CORE = set("core", List.of("core.contact.read", "core.contact.write", "core.account.read",
            "core.activity.read", "core.timeline.read"), Map.of());
    private static final PermissionSet HANDSETS = set("handset-registry", List.of("handset.read", "handset.write", "handset.sale",
            "handset.override"), Map.of("store", List.of("handset.read", "handset.sale"), "service", List.of("handset.read"),
                    "service-hq", List.of("handset.read")));
    private static final PermissionSet MEMBERSHIP = set("membership-points", List.of("membership.read", "membership.write",
            "membership.cashier", "membership.adjust", "membership.admin"), Map.of("store", List.of("membership.read", "membership.write",
                    "membership.cashier")));
    private static final PermissionSet REPAIR = set("repair-parts", List.of("repair.read", "repair.write", "repair.approve", "repair.stock",
            "repair.admin"), Map.of("service", List.of("repair.read", "repair.write"), "service-hq", List.of("repair.*")));

    private static PermissionSet set(String id, List<String> permissions, Map<String, List<String>> grants) {
        return new PermissionSet() {
            @Override
            public String moduleId() {
                return id;
            }

            @Override
            public List<Permission> permissions() {
                return permissions.stream().map(p -> new Permission(p, p)).toList();
            }

            @Override
            public Map<String, List<String>> defaultGrants() {
                return grants;
            }
        };
    }

    private static String[] builtInRoles() throws NoSuchMethodException {
        return (String[]) SecurityConfig.class.getMethod("roles").getDefaultValue();
    }

    @Test
    void theBuiltInRolesNameNoModule() throws Exception {
        for (String line : builtInRoles()) {
            for (String module : List.of("handset", "membership", "repair", "sample-notes")) {
                assertFalse(line.contains(module + "."), line);
            }
        }
        assertTrue(RoleGrants.builtIn(builtInRoles()));
        assertFalse(RoleGrants.builtIn(ROLES_BEFORE), "roles an operator wrote are not the built-in ones");
    }

    @Test
    void withEveryModuleActiveTheRolesAreWhatTheyWereWhenTheyWereHardCoded() throws Exception {
        Map<String, Set<String>> merged = RoleGrants.merge(RoleGrants.parse(builtInRoles(), warnings::add),
                List.of(CORE, HANDSETS, MEMBERSHIP, REPAIR), warnings::add);
        assertEquals(RoleGrants.parse(ROLES_BEFORE, warnings::add), merged);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aModuleGrantsOnlyWhileItIsActive() throws Exception {
        Map<String, Set<String>> base = RoleGrants.parse(builtInRoles(), warnings::add);
        Map<String, Set<String>> withoutRepair = RoleGrants.merge(base, List.of(CORE, HANDSETS, MEMBERSHIP), warnings::add);
        assertEquals(Set.of("core.contact.read", "core.account.read", "core.activity.*", "core.timeline.read", "handset.read"),
                withoutRepair.get("service-hq"));
        assertEquals(base, RoleGrants.merge(base, List.of(CORE), warnings::add), "no module, the built-in roles");
    }

    @Test
    void aModuleCannotGrantTheCoresOrAnotherModulesPermissions() {
        PermissionSet greedy = set("greedy", List.of("greedy.read", "greedy.write"), Map.of("store", List.of("greedy.read", "core.contact.write",
                "handset.override", "*", "greedy.*", "core.*", ".*"), "viewer", List.of("greedy.write")));
        Map<String, Set<String>> merged = RoleGrants.merge(Map.of("store", Set.of("core.contact.read"), "viewer", Set.of("*.read")),
                List.of(CORE, HANDSETS, greedy), warnings::add);
        assertEquals(Set.of("core.contact.read", "handset.read", "handset.sale", "greedy.read", "greedy.*"), merged.get("store"));
        assertEquals(Set.of("*.read", "greedy.write"), merged.get("viewer"));
        assertEquals(5, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("greedy"), warnings.toString());
    }

    @Test
    void aPatternMayNotReachIntoAnotherModulesPermissions() {
        // "handset.*" from a module whose own ids start with "handset." too would hand out the registry's permissions
        PermissionSet lookalike = set("handset-extras", List.of("handset.extras.read"), Map.of("store", List.of("handset.*", "handset.extras.*")));
        Map<String, Set<String>> merged = RoleGrants.merge(Map.of(), List.of(HANDSETS, lookalike), warnings::add);
        assertEquals(Set.of("handset.read", "handset.sale", "handset.extras.*"), merged.get("store"));
    }

    @Test
    void aRoleOnlyAModuleNamesExistsWhileTheModuleIsActive() {
        PermissionSet cashiers = set("till", List.of("till.open"), Map.of("cashier", List.of("till.open")));
        assertEquals(Set.of("till.open"), RoleGrants.merge(Map.of(), List.of(cashiers), warnings::add).get("cashier"));
    }

    @Test
    void parsingIgnoresLinesWithoutARoleNameAndAdminAlwaysExists() {
        Map<String, Set<String>> roles = RoleGrants.parse(new String[] { "agent= core.contact.read , ,core.account.read", "nonsense" },
                warnings::add);
        assertEquals(Map.of("agent", Set.of("core.contact.read", "core.account.read"), "admin", Set.of("*")), roles);
        assertEquals(1, warnings.size());
    }
}
