package org.opencrm.platform.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencrm.platform.api.InvalidInputException;

class ModulePackagesTest {
    @TempDir
    Path dir;

    private static final String FEATURES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <features name="acme-1.0.0" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
              <feature name="crm-acme-warranty" version="1.0.0" install="manual" description="Extended warranty">
                <feature dependency="true">crm-platform</feature>
                <bundle>mvn:com.acme/acme-warranty/1.0.0</bundle>
              </feature>
            </features>
            """;

    private Path kar(Map<String, String> entries) throws IOException {
        Path kar = dir.resolve("p-" + System.nanoTime() + ".kar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(kar))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return kar;
    }

    @Test
    void aKarOfModulesListsItsFeatures() throws IOException {
        Path kar = kar(Map.of("repository/com/acme/acme-features/1.0.0/acme-features-1.0.0-features.xml", FEATURES,
                "repository/com/acme/acme-warranty/1.0.0/acme-warranty-1.0.0.jar", "not really a jar",
                "repository/com/acme/acme-warranty/1.0.0/acme-warranty-1.0.0.pom", "<project/>"));
        List<KarInspector.PackagedFeature> features = KarInspector.inspect(kar);
        assertEquals(1, features.size());
        assertEquals("acme-warranty", features.get(0).moduleId());
        assertEquals("1.0.0", features.get(0).version());
        assertFalse(features.get(0).installsAtOnce(), "install=manual: the module arrives AVAILABLE");
    }

    @Test
    void whatIsNotAPackageOfModulesIsRefusedNamingWhy() throws IOException {
        Path text = dir.resolve("notes.kar");
        Files.writeString(text, "hello");
        assertEquals("modules.packageNotZip", assertThrows(InvalidInputException.class, () -> KarInspector.inspect(text)).messageKey());

        Path empty = kar(Map.of("README.txt", "nothing"));
        assertEquals("modules.packageNoFeatures", assertThrows(InvalidInputException.class, () -> KarInspector.inspect(empty)).messageKey());

        Path platform = kar(Map.of("repository/x/f.xml", FEATURES.replace("crm-acme-warranty", "crm-platform-evil")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> KarInspector.inspect(platform));
        assertEquals("modules.packageNotModule", e.messageKey());
        assertTrue(e.getMessage().contains("crm-platform-evil"), e.getMessage());

        Path other = kar(Map.of("repository/x/f.xml", FEATURES.replace("crm-acme-warranty", "webconsole")));
        assertEquals("modules.packageNotModule", assertThrows(InvalidInputException.class, () -> KarInspector.inspect(other)).messageKey());

        Path broken = kar(Map.of("repository/x/f.xml", "<features><feature name="));
        assertEquals("modules.packageBadXml", assertThrows(InvalidInputException.class, () -> KarInspector.inspect(broken)).messageKey());

        Path escape = kar(Map.of("../../etc/users.properties", "admin=admin", "repository/x/f.xml", FEATURES));
        assertEquals("modules.packageUnsafeEntry", assertThrows(InvalidInputException.class, () -> KarInspector.inspect(escape)).messageKey());
    }

    @Test
    void externalEntitiesInAnUploadedFeaturesFileAreNeverRead() throws IOException {
        Path xxe = kar(Map.of("repository/x/f.xml", "<?xml version=\"1.0\"?><!DOCTYPE features [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<features><feature name=\"crm-x\">&x;</feature></features>"));
        assertEquals("modules.packageBadXml", assertThrows(InvalidInputException.class, () -> KarInspector.inspect(xxe)).messageKey());
    }

    @Test
    void thePackageNameComesFromTheFileName() {
        assertEquals("acme-warranty-1.0.0", ModulePackages.packageName("acme-warranty-1.0.0.kar"));
        assertEquals("acme-warranty-1.0.0", ModulePackages.packageName("C:\\Users\\li\\acme-warranty-1.0.0.kar"));
        assertEquals("x", ModulePackages.packageName("../../x.kar"), "only the file name counts");
        assertEquals("modules.packageName", assertThrows(InvalidInputException.class, () -> ModulePackages.packageName("my module.kar")).messageKey());
        assertEquals("modules.packageName", assertThrows(InvalidInputException.class, () -> ModulePackages.packageName(null)).messageKey());
    }

    @Test
    void aModuleBuiltForANewerPlatformSaysSoInPlainWords() {
        String karaf = "Unable to resolve root: missing requirement [root] osgi.identity; osgi.identity=crm-acme-warranty; type=karaf.feature; "
                + "version=\"[1.0.0,1.0.0]\" [caused by: Unable to resolve acme-warranty/1.0.0: missing requirement [acme-warranty/1.0.0] "
                + "osgi.wiring.package; filter:=\"(&(osgi.wiring.package=org.opencrm.platform.api.customer)(version>=2.0.0)(!(version>=3.0.0)))\"]";
        String reason = ModuleStates.installFailure(new Exception(karaf), pkg -> pkg.equals("org.opencrm.platform.api.customer") ? List.of("1.3.0") : List.of());
        assertEquals("could not be installed: acme-warranty 1.0.0 needs package org.opencrm.platform.api.customer version 2.0.0 or later, "
                + "below 3.0.0; this installation provides version 1.3.0 (the module was built for a newer platform: update the platform or get "
                + "a build of the module for this one)", reason);

        String service = "Unable to resolve x/1.0.0: missing requirement [x/1.0.0] osgi.service; filter:=\"(objectClass=com.acme.Sms)\"; effective:=active";
        assertEquals("could not be installed: x 1.0.0 needs a service com.acme.Sms that no installed module or library provides",
                ModuleStates.installFailure(new Exception(service), pkg -> List.of()));

        String none = "Unable to resolve x/1.0.0: missing requirement [x/1.0.0] osgi.wiring.package; filter:=\"(osgi.wiring.package=com.acme.lib)\"";
        assertEquals("could not be installed: x 1.0.0 needs package com.acme.lib; this installation provides no such package "
                + "(a module or library it needs is missing)", ModuleStates.installFailure(new Exception(none), pkg -> List.of()));
    }
}
