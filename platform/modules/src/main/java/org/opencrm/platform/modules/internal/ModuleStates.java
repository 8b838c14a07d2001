package org.opencrm.platform.modules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleReason;
import org.opencrm.platform.api.module.ModuleState;

/** The rules that turn observed facts into the state an administrator sees. */
final class ModuleStates {
    static final String FEATURE_PREFIX = "crm-";
    private static final String PLATFORM_PREFIX = "crm-platform";

    private ModuleStates() {
    }

    /** The module id of a feature name, or null when the feature is not a CRM module (platform or other). */
    static String moduleId(String featureName) {
        if (featureName == null || !featureName.startsWith(FEATURE_PREFIX) || featureName.startsWith(PLATFORM_PREFIX)
                || featureName.length() == FEATURE_PREFIX.length()) {
            return null;
        }
        return featureName.substring(FEATURE_PREFIX.length());
    }

    /**
     * @param activeIds ids of modules whose descriptor service is registered right now
     */
    static ModuleInfo describe(ModuleFacts f, Set<String> activeIds) {
        Set<String> requires = new LinkedHashSet<>(f.featureRequires());
        requires.addAll(f.descriptorRequires());
        List<String> requiresList = List.copyOf(requires);
        String name = f.hasDescriptor() ? f.descriptorName() : f.featureDescription() != null && !f.featureDescription().isBlank()
                ? f.featureDescription() : f.id();
        String version = f.hasDescriptor() ? f.descriptorVersion() : f.featureVersion();

        boolean enabled = f.installed() || (f.feature() == null && f.hasDescriptor());
        if (!enabled) {
            return ModuleInfo.of(f.id(), name, version, f.lastFailure().isEmpty() ? ModuleState.AVAILABLE : ModuleState.FAILED,
                    f.lastFailure(), requiresList, f.feature());
        }
        List<ModuleReason> reasons = new ArrayList<>();
        List<String> missing = requiresList.stream().filter(r -> !activeIds.contains(r)).toList();
        if (!missing.isEmpty()) {
            reasons.add(Reasons.of(missing.size() > 1 ? "needsModules" : "needsModule", String.join(", ", missing)));
        }
        reasons.addAll(f.problems());
        if (!f.hasDescriptor() && reasons.isEmpty()) {
            reasons.add(Reasons.of("noDescriptor", f.id()));
        }
        return ModuleInfo.of(f.id(), name, version, reasons.isEmpty() ? ModuleState.ACTIVE : ModuleState.FAILED, reasons, requiresList, f.feature());
    }

    /** ModuleSchema.MigrationFailed's message: a module's schema step that failed (the component's activation failure). */
    private static final Pattern SCHEMA_FAILED = Pattern.compile("the schema of module (\\S+) could not be upgraded to version (\\d+) \\((.+?)\\): (.*?);"
            + " it stays at the previous version and the step is retried at the next start");

    /** Why a component failed to activate (SCR's stack trace), as a reason: a failed schema step by its parts. */
    static ModuleReason componentFailure(String component, String failure) {
        String message = activationFailure(failure);
        Matcher schema = SCHEMA_FAILED.matcher(message);
        if (schema.matches()) {
            return Reasons.of("schemaFailed", component, schema.group(1), schema.group(2), schema.group(3), schema.group(4));
        }
        return Reasons.of("componentFailed", component, message);
    }

    /**
     * What SCR says of a component that failed to activate (a stack trace) in one line: the message of the first
     * exception that has one (a constructor's exception arrives wrapped in one without), e.g. the module's schema step
     * that failed.
     */
    static String activationFailure(String failure) {
        if (failure == null || failure.isBlank()) {
            return "unknown error";
        }
        for (String line : failure.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("at ") || l.startsWith("...")) {
                continue;
            }
            if (l.startsWith("Caused by: ")) {
                l = l.substring("Caused by: ".length());
            }
            int colon = l.indexOf(": ");
            String head = colon < 0 ? l : l.substring(0, colon);
            if (!head.contains(" ") && head.contains(".")) { // an exception's class name
                if (colon < 0) {
                    continue; // no message: its cause says more
                }
                return l.substring(colon + 2);
            }
            return l;
        }
        return failure.lines().findFirst().orElse(failure).strip();
    }

    /**
     * Karaf's resolution errors nest "[caused by: ...]" clauses; the innermost one names the missing piece,
     * e.g. {@code missing requirement [crm-x/1.0.0] osgi.service; filter:="(objectClass=...)"}.
     */
    static String installFailure(Throwable e) {
        return installFailure(e, pkg -> List.of());
    }

    /** As {@link #installFailureReasons}, as text. */
    static String installFailure(Throwable e, Function<String, List<String>> providedVersions) {
        return Reasons.text(installFailureReasons(e, providedVersions));
    }

    /**
     * As {@link #installFailure(Throwable)}, in plain words where the missing piece is a package, a service or a
     * bundle; {@code providedVersions} answers the versions of a package that the running platform exports (to say
     * e.g. that a module was built for a newer platform API).
     */
    static List<ModuleReason> installFailureReasons(Throwable e, Function<String, List<String>> providedVersions) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() != null ? t.getMessage() : e.getMessage() != null ? e.getMessage() : e.toString();
        int caused = msg.lastIndexOf("[caused by: ");
        if (caused >= 0) {
            msg = msg.substring(caused + "[caused by: ".length());
            while (msg.endsWith("]")) {
                msg = msg.substring(0, msg.length() - 1);
            }
        }
        List<ModuleReason> plain = plainRequirement(msg.strip(), providedVersions);
        return plain != null ? plain : List.of(Reasons.of("notInstalled", msg.strip()));
    }

    private static final Pattern MISSING = Pattern.compile("missing requirement \\[([^\\]/]+)(?:/([^\\]]+))?\\] ([\\w.]+);(.*)", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([\\w.]+)");
    /** The lowest version wanted: a (version>=x) that is not the upper bound's (!(version>=y)). */
    private static final Pattern LOWER = Pattern.compile("(?<!!)\\(version>=([\\w.]+)\\)");
    private static final Pattern UPPER = Pattern.compile("\\(!\\(version>=([\\w.]+)\\)\\)");
    private static final Pattern OBJECT_CLASS = Pattern.compile("objectClass=([\\w.$]+)");
    private static final Pattern IDENTITY = Pattern.compile("osgi\\.identity=([\\w.-]+)");

    /** "missing requirement [b/1.0] osgi.wiring.package; filter:=..." in words an administrator reads; null if unknown. */
    static List<ModuleReason> plainRequirement(String innermost, Function<String, List<String>> providedVersions) {
        Matcher m = MISSING.matcher(innermost);
        if (!m.find()) {
            return null;
        }
        // the requirer is a bundle or a feature: named as Karaf names it
        String who = m.group(1) + (m.group(2) != null ? " " + m.group(2) : "");
        String rest = m.group(4);
        switch (m.group(3)) {
            case "osgi.wiring.package" -> {
                Matcher p = PACKAGE.matcher(rest);
                if (!p.find()) {
                    return null;
                }
                String pkg = p.group(1);
                Matcher lo = LOWER.matcher(rest);
                Matcher hi = UPPER.matcher(rest);
                String lowest = lo.find() ? lo.group(1) : null;
                String below = hi.find() ? hi.group(1) : null;
                ModuleReason needs = lowest != null && below != null ? Reasons.of("needsPackageRange", who, pkg, lowest, below)
                        : lowest != null ? Reasons.of("needsPackageFrom", who, pkg, lowest)
                        : below != null ? Reasons.of("needsPackageBelow", who, pkg, below) : Reasons.of("needsPackage", who, pkg);
                List<String> provided = providedVersions.apply(pkg);
                ModuleReason has = provided.isEmpty() ? Reasons.of("noSuchPackage")
                        : Reasons.of(lowest != null && newer(lowest, provided) ? "olderPlatform" : "providedVersion", String.join(", ", provided));
                return List.of(needs, has);
            }
            case "osgi.service" -> {
                Matcher o = OBJECT_CLASS.matcher(rest);
                return List.of(Reasons.of("needsService", who, o.find() ? o.group(1) : rest.strip()));
            }
            case "osgi.identity" -> {
                Matcher i = IDENTITY.matcher(rest);
                return List.of(Reasons.of("needsBundle", who, i.find() ? i.group(1) : rest.strip()));
            }
            default -> {
                return List.of(Reasons.of("needsOther", who, m.group(3) + rest.replace("filter:=", " ").strip()));
            }
        }
    }

    /** Whether the lowest wanted version is above every provided one. */
    private static boolean newer(String wanted, List<String> provided) {
        org.osgi.framework.Version w = org.osgi.framework.Version.parseVersion(wanted);
        return provided.stream().allMatch(v -> org.osgi.framework.Version.parseVersion(v).compareTo(w) < 0);
    }
}
