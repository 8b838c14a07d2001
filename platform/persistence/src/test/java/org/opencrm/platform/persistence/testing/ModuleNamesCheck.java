package org.opencrm.platform.persistence.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.module.CrmModule;
import org.opencrm.platform.api.security.Permission;
import org.opencrm.platform.api.security.PermissionSet;

/**
 * For a module's unit test, run in the module's folder: its names class (constants ID, FEATURE, BUNDLE, TABLE_PREFIX,
 * PERSISTENCE_UNIT, CONFIG_PID, PERMISSION_PREFIX) agrees with what cannot refer to it: persistence.xml and the
 * entities' tables, bnd.bnd, the feature file, the descriptor and its permissions, and the configuration's PID.
 */
public final class ModuleNamesCheck {
    private ModuleNamesCheck() {
    }

    /** @throws AssertionError naming every disagreement */
    public static <M extends CrmModule & PermissionSet> void check(Class<?> names, M module, String configPid) throws Exception {
        List<String> wrong = disagreements(names, module, configPid);
        if (!wrong.isEmpty()) {
            throw new AssertionError(names.getSimpleName() + " disagrees with: " + wrong);
        }
    }

    /** Every place that does not agree with the names class (empty when all agree). */
    public static <M extends CrmModule & PermissionSet> List<String> disagreements(Class<?> names, M module, String configPid) throws Exception {
        List<String> wrong = new ArrayList<>();
        String prefix = name(names, "TABLE_PREFIX");
        Map<String, String> tables = PersistenceUnits.tables(name(names, "PERSISTENCE_UNIT"));
        if (tables.isEmpty()) {
            wrong.add("no entity in persistence unit " + name(names, "PERSISTENCE_UNIT"));
        }
        tables.forEach((entity, table) -> expect(wrong, table.startsWith(prefix), entity + "'s table " + table + " lacks " + prefix));
        expect(wrong, name(names, "CONFIG_PID").equals(configPid), "config PID " + configPid);
        expect(wrong, name(names, "ID").equals(module.id()) && module.id().equals(module.moduleId()), "module id " + module.id());
        for (Permission p : module.permissions()) {
            expect(wrong, p.id().startsWith(name(names, "PERMISSION_PREFIX")), "permission " + p.id());
        }
        expect(wrong, Files.readString(Path.of("bnd.bnd")).contains("Bundle-SymbolicName: " + name(names, "BUNDLE")), "bnd.bnd's BSN");
        expect(wrong, Files.readString(Path.of("src/main/feature/feature.xml")).contains("<feature name=\"" + name(names, "FEATURE") + "\""),
                "the feature in src/main/feature/feature.xml");
        return wrong;
    }

    private static String name(Class<?> names, String constant) throws ReflectiveOperationException {
        return (String) names.getField(constant).get(null);
    }

    private static void expect(List<String> wrong, boolean ok, String what) {
        if (!ok) {
            wrong.add(what);
        }
    }
}
