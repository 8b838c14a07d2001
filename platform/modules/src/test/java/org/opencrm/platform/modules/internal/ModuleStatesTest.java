package org.opencrm.platform.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleReason;
import org.opencrm.platform.api.module.ModuleState;

class ModuleStatesTest {

    private static ModuleFacts facts(boolean installed, String descriptorName, List<String> featureRequires,
            List<String> descriptorRequires, String lastFailure, List<String> problems) {
        return new ModuleFacts("repair-parts", "crm-repair-parts", "Repair and parts", "0.1.0.SNAPSHOT", installed, featureRequires,
                descriptorName, descriptorName == null ? null : "1.2.0", descriptorRequires,
                lastFailure == null ? null : List.of(ModuleReason.text(lastFailure)), problems.stream().map(ModuleReason::text).toList());
    }

    @Test
    void featureNamesMapToModuleIdsButPlatformFeaturesAreNotModules() {
        assertEquals("membership-points", ModuleStates.moduleId("crm-membership-points"));
        assertNull(ModuleStates.moduleId("crm-platform"));
        assertNull(ModuleStates.moduleId("crm-platform-rest"));
        assertNull(ModuleStates.moduleId("crm-"));
        assertNull(ModuleStates.moduleId("webconsole"));
        assertNull(ModuleStates.moduleId(null));
    }

    @Test
    void notInstalledIsAvailableWithTheFeatureDescriptionAsName() {
        ModuleInfo m = ModuleStates.describe(facts(false, null, List.of(), List.of(), null, List.of()), Set.of());
        assertEquals(ModuleState.AVAILABLE, m.state());
        assertEquals("Repair and parts", m.name());
        assertEquals("0.1.0.SNAPSHOT", m.version());
        assertNull(m.reason());
    }

    @Test
    void aFailedInstallIsReportedUntilTheNextAttempt() {
        ModuleInfo m = ModuleStates.describe(facts(false, null, List.of(), List.of(), "could not be installed: missing x", List.of()), Set.of());
        assertEquals(ModuleState.FAILED, m.state());
        assertEquals("could not be installed: missing x", m.reason());
    }

    @Test
    void installedWithItsDescriptorAndEverythingItNeedsIsActive() {
        ModuleInfo m = ModuleStates.describe(facts(true, "Repair & parts", List.of(), List.of("handset-registry"), null, List.of()),
                Set.of("repair-parts", "handset-registry"));
        assertEquals(ModuleState.ACTIVE, m.state());
        assertEquals("Repair & parts", m.name());
        assertEquals("1.2.0", m.version());
        assertEquals(List.of("handset-registry"), m.requires());
    }

    @Test
    void aMissingRequiredModuleIsNamedInTheReason() {
        ModuleInfo m = ModuleStates.describe(facts(true, "Repair & parts", List.of("handset-registry"), List.of("handset-registry", "stock"),
                null, List.of()), Set.of("repair-parts"));
        assertEquals(ModuleState.FAILED, m.state());
        assertEquals(List.of("handset-registry", "stock"), m.requires(), "requires are merged without duplicates");
        assertEquals("needs modules handset-registry, stock, which are not active", m.reason());
        assertEquals(List.of(new ModuleReason("needsModules", List.of("handset-registry, stock"), m.reason())), m.reasons(), "said by key and arguments");
    }

    @Test
    void installedWithoutDescriptorIsFailedWithTheProblemsFound() {
        ModuleInfo m = ModuleStates.describe(facts(true, null, List.of(), List.of(), null,
                List.of("component RepairResource waits for service org.apache.aries.jpa.template.JpaTemplate")), Set.of());
        assertEquals(ModuleState.FAILED, m.state());
        assertTrue(m.reason().contains("waits for service org.apache.aries.jpa.template.JpaTemplate"), m.reason());

        ModuleInfo silent = ModuleStates.describe(facts(true, null, List.of(), List.of(), null, List.of()), Set.of());
        assertEquals(ModuleState.FAILED, silent.state());
        assertTrue(silent.reason().contains("CrmModule service with id 'repair-parts'"), silent.reason());
        assertEquals("noDescriptor", silent.reasons().get(0).key());
        assertEquals(List.of("repair-parts"), silent.reasons().get(0).args());
    }

    @Test
    void aModuleWithoutFeatureButWithDescriptorIsActive() {
        ModuleFacts f = new ModuleFacts("dropped-in", null, null, null, false, List.of(), "Dropped in", "1.0.0", List.of(), null, List.of());
        ModuleInfo m = ModuleStates.describe(f, Set.of("dropped-in"));
        assertEquals(ModuleState.ACTIVE, m.state());
        assertNull(m.feature());
    }

    @Test
    void installFailureKeepsTheInnermostCause() {
        Exception e = new Exception("Unable to resolve root: missing requirement [root] osgi.identity; osgi.identity=crm-x; "
                + "[caused by: Unable to resolve crm-x/1.0.0: missing requirement [crm-x/1.0.0] osgi.service; "
                + "filter:=\"(objectClass=org.example.Missing)\"]]");
        String reason = ModuleStates.installFailure(e);
        assertEquals("could not be installed: crm-x 1.0.0 needs a service org.example.Missing that no installed module or library provides",
                reason);
    }

    @Test
    void aComponentThatFailedToActivateIsSaidInOneLineWithTheMessageThatExplainsIt() {
        String scr = "java.lang.reflect.InvocationTargetException\n\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)\n"
                + "\t... 40 more\nCaused by: org.opencrm.platform.persistence.ModuleSchema$MigrationFailed: the schema of module channel-finance could not be"
                + " upgraded to version 2 (day settled): disk full; it stays at the previous version\n\tat org.opencrm.X.y(X.java:1)\n"
                + "Caused by: java.sql.SQLException: disk full\n";
        assertEquals("the schema of module channel-finance could not be upgraded to version 2 (day settled): disk full; it stays at the previous version",
                ModuleStates.activationFailure(scr));
        assertEquals("boom", ModuleStates.activationFailure("java.lang.IllegalStateException: boom\n\tat a.b(C.java:1)"));
        assertEquals("unknown error", ModuleStates.activationFailure(null));
    }
}
