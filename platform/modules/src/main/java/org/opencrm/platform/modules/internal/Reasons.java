package org.opencrm.platform.modules.internal;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opencrm.platform.api.module.ModuleReason;

/**
 * Every reason the module manager gives for a FAILED module, by message key, with its English wording: the text of a
 * {@link ModuleReason} is this pattern formatted with the reason's arguments. The shell says the same keys as
 * {@code modules.why.<key>} in English and Chinese (ReasonsTest checks that its English patterns are these).
 */
final class Reasons {
    /** Key → English pattern (java.text.MessageFormat: '' is a quote). */
    static final Map<String, String> ENGLISH = new LinkedHashMap<>();

    static {
        ENGLISH.put("needsModule", "needs module {0}, which is not active");
        ENGLISH.put("needsModules", "needs modules {0}, which are not active");
        ENGLISH.put("noDescriptor", "its descriptor (a CrmModule service with id ''{0}'') is not registered");
        ENGLISH.put("bundleNotInstalled", "bundle {0} is not installed");
        ENGLISH.put("bundleState", "bundle {0} is {1}");
        ENGLISH.put("waitsForService", "component {0} waits for service {1}");
        ENGLISH.put("waitsForConfiguration", "component {0} waits for configuration {1}");
        ENGLISH.put("componentFailed", "component {0} failed to activate: {1}");
        ENGLISH.put("schemaFailed", "component {0} failed to activate: the schema of module {1} could not be upgraded to version {2} ({3}): {4};"
                + " it stays at the previous version and the step is retried at the next start");
        ENGLISH.put("notInstalled", "could not be installed: {0}");
        ENGLISH.put("needsPackage", "could not be installed: {0} needs package {1}");
        ENGLISH.put("needsPackageFrom", "could not be installed: {0} needs package {1} version {2} or later");
        ENGLISH.put("needsPackageBelow", "could not be installed: {0} needs package {1}, below {2}");
        ENGLISH.put("needsPackageRange", "could not be installed: {0} needs package {1} version {2} or later, below {3}");
        ENGLISH.put("noSuchPackage", "this installation provides no such package (a module or library it needs is missing)");
        ENGLISH.put("providedVersion", "this installation provides version {0}");
        ENGLISH.put("olderPlatform",
                "this installation provides version {0} (the module was built for a newer platform: update the platform or get a build of the module for this one)");
        ENGLISH.put("needsService", "could not be installed: {0} needs a service {1} that no installed module or library provides");
        ENGLISH.put("needsBundle", "could not be installed: {0} needs {1}, which is neither installed nor in the package");
        ENGLISH.put("needsOther", "could not be installed: {0} needs {1}, which nothing installed provides");
    }

    private Reasons() {
    }

    /** The reason of {@code key} with its arguments, its text in English. */
    static ModuleReason of(String key, String... args) {
        String pattern = ENGLISH.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no module reason " + key);
        }
        return new ModuleReason(key, List.of(args), new MessageFormat(pattern, Locale.ROOT).format(args));
    }

    /** The reasons' texts as one sentence ("; " between them), as logs and the REST {@code reason} give it; null for none. */
    static String text(List<ModuleReason> reasons) {
        return reasons == null || reasons.isEmpty() ? null : String.join("; ", reasons.stream().map(ModuleReason::text).toList());
    }
}
