package org.opencrm.platform.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.api.module.ModuleReason;

/**
 * Each reason the module manager gives is a message key with arguments, its English text the shell's English wording of
 * that key; the shell has every key in English and Chinese.
 */
class ReasonsTest {
    private static final Path SHELL = Path.of("../../ui/src/main/resources/org/opencrm/ui/internal");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(SHELL.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void theShellSaysEveryReasonWithTheseEnglishWordsAndInChinese() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        Reasons.ENGLISH.forEach((key, english) -> {
            assertEquals(english, en.getProperty("modules.why." + key), "English of " + key);
            assertTrue(zh.getProperty("modules.why." + key, "").matches(".*\\p{IsHan}.*"), "Chinese of " + key);
        });
        assertEquals("; ", en.getProperty("modules.why.and"), "the parts are joined as the manager's text joins them");
    }

    @Test
    void aFailedSchemaStepAndAFailedComponentAreSaidByTheirParts() {
        String scr = "java.lang.reflect.InvocationTargetException\n\t... 40 more\nCaused by: org.opencrm.platform.persistence.ModuleSchema$MigrationFailed: "
                + "the schema of module channel-finance could not be upgraded to version 2 (day settled): disk full; it stays at the previous version"
                + " and the step is retried at the next start\n\tat org.opencrm.X.y(X.java:1)\n";
        ModuleReason schema = ModuleStates.componentFailure("ChannelSchema", scr);
        assertEquals("schemaFailed", schema.key());
        assertEquals(List.of("ChannelSchema", "channel-finance", "2", "day settled", "disk full"), schema.args());
        assertEquals("component ChannelSchema failed to activate: the schema of module channel-finance could not be upgraded to version 2 (day settled):"
                + " disk full; it stays at the previous version and the step is retried at the next start", schema.text());

        ModuleReason boom = ModuleStates.componentFailure("WarrantyService", "java.lang.IllegalStateException: boom\n\tat a.b(C.java:1)");
        assertEquals(new ModuleReason("componentFailed", List.of("WarrantyService", "boom"), "component WarrantyService failed to activate: boom"), boom);
    }

    private static List<ModuleReason> install(String karaf, List<String> provided) {
        return ModuleStates.installFailureReasons(new Exception(karaf), pkg -> provided);
    }

    @Test
    void installFailuresAreSaidByKeyWithTheNamesAsArguments() {
        String pkg = "Unable to resolve x/1.0.0: missing requirement [x/1.0.0] osgi.wiring.package; filter:=\"(&(osgi.wiring.package=com.acme.lib)";
        List<ModuleReason> range = install(pkg + "(version>=2.0.0)(!(version>=3.0.0)))\"", List.of("1.3.0"));
        assertEquals(List.of("needsPackageRange", "olderPlatform"), range.stream().map(ModuleReason::key).toList());
        assertEquals(List.of("x 1.0.0", "com.acme.lib", "2.0.0", "3.0.0"), range.get(0).args());
        assertEquals(List.of("1.3.0"), range.get(1).args());
        assertEquals(List.of("needsPackageFrom", "providedVersion"), install(pkg + "(version>=1.2.0))\"", List.of("1.3.0")).stream().map(ModuleReason::key).toList());
        assertEquals(List.of("needsPackageBelow", "noSuchPackage"), install(pkg + "(!(version>=2.0.0)))\"", List.of()).stream().map(ModuleReason::key).toList());
        assertEquals(List.of("needsPackage", "noSuchPackage"), install(pkg + ")\"", List.of()).stream().map(ModuleReason::key).toList());

        assertEquals(List.of(new ModuleReason("needsService", List.of("x 1.0.0", "com.acme.Sms"),
                "could not be installed: x 1.0.0 needs a service com.acme.Sms that no installed module or library provides")),
                install("Unable to resolve x/1.0.0: missing requirement [x/1.0.0] osgi.service; filter:=\"(objectClass=com.acme.Sms)\"", List.of()));
        assertEquals("needsBundle", install("missing requirement [crm-acme/1.0.0] osgi.identity; osgi.identity=acme-lib; type=osgi.bundle", List.of()).get(0).key());
        assertEquals("needsOther", install("missing requirement [x/1.0] osgi.ee; filter:=\"(osgi.ee=JavaSE)\"", List.of()).get(0).key());
        assertEquals(List.of(new ModuleReason("notInstalled", List.of("disk full"), "could not be installed: disk full")), install("disk full", List.of()));
    }

    @Test
    void aReasonIsItsKeysEnglishWithItsArguments() {
        assertEquals("its descriptor (a CrmModule service with id 'acme') is not registered", Reasons.of("noDescriptor", "acme").text());
        assertEquals("bundle com.acme.x is RESOLVED", Reasons.of("bundleState", "com.acme.x", "RESOLVED").text());
        assertEquals("component C waits for configuration com.acme", Reasons.of("waitsForConfiguration", "C", "com.acme").text());
        assertEquals("a; b", Reasons.text(List.of(ModuleReason.text("a"), ModuleReason.text("b"))));
    }
}
