package org.opencrm.platform.modules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opencrm.platform.api.module.ModuleInfo;
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
            return new ModuleInfo(f.id(), name, version, f.lastFailure() == null ? ModuleState.AVAILABLE : ModuleState.FAILED,
                    f.lastFailure(), requiresList, f.feature());
        }
        List<String> reasons = new ArrayList<>();
        List<String> missing = requiresList.stream().filter(r -> !activeIds.contains(r)).toList();
        if (!missing.isEmpty()) {
            reasons.add("needs module" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ", which "
                    + (missing.size() > 1 ? "are" : "is") + " not active");
        }
        reasons.addAll(f.problems());
        if (!f.hasDescriptor() && reasons.isEmpty()) {
            reasons.add("its descriptor (a CrmModule service with id '" + f.id() + "') is not registered");
        }
        if (reasons.isEmpty()) {
            return new ModuleInfo(f.id(), name, version, ModuleState.ACTIVE, null, requiresList, f.feature());
        }
        return new ModuleInfo(f.id(), name, version, ModuleState.FAILED, String.join("; ", reasons), requiresList, f.feature());
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

    /**
     * As {@link #installFailure(Throwable)}, in plain words where the missing piece is a package, a service or a
     * bundle; {@code providedVersions} answers the versions of a package that the running platform exports (to say
     * e.g. that a module was built for a newer platform API).
     */
    static String installFailure(Throwable e, Function<String, List<String>> providedVersions) {
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
        String plain = plainRequirement(msg.strip(), providedVersions);
        return "could not be installed: " + (plain != null ? plain : msg.strip());
    }

    private static final Pattern MISSING = Pattern.compile("missing requirement \\[([^\\]/]+)(?:/([^\\]]+))?\\] ([\\w.]+);(.*)", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([\\w.]+)");
    private static final Pattern LOWER = Pattern.compile("\\(version>=([\\w.]+)\\)");
    private static final Pattern UPPER = Pattern.compile("\\(!\\(version>=([\\w.]+)\\)\\)");
    private static final Pattern OBJECT_CLASS = Pattern.compile("objectClass=([\\w.$]+)");
    private static final Pattern IDENTITY = Pattern.compile("osgi\\.identity=([\\w.-]+)");

    /** "missing requirement [b/1.0] osgi.wiring.package; filter:=..." in words an administrator reads; null if unknown. */
    static String plainRequirement(String innermost, Function<String, List<String>> providedVersions) {
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
                String range = (lo.find() ? " version " + lo.group(1) + " or later" : "") + (hi.find() ? ", below " + hi.group(1) : "");
                List<String> provided = providedVersions.apply(pkg);
                String has = provided.isEmpty() ? "this installation provides no such package (a module or library it needs is missing)"
                        : "this installation provides version " + String.join(", ", provided)
                                + (lo.reset().find() && newer(lo.group(1), provided) ? " (the module was built for a newer platform: update the platform or get a build of the module for this one)" : "");
                return who + " needs package " + pkg + range + "; " + has;
            }
            case "osgi.service" -> {
                Matcher o = OBJECT_CLASS.matcher(rest);
                return who + " needs a service " + (o.find() ? o.group(1) : rest.strip()) + " that no installed module or library provides";
            }
            case "osgi.identity" -> {
                Matcher i = IDENTITY.matcher(rest);
                return who + " needs " + (i.find() ? i.group(1) : rest.strip()) + ", which is neither installed nor in the package";
            }
            default -> {
                return who + " needs " + m.group(3) + rest.replace("filter:=", " ").strip() + ", which nothing installed provides";
            }
        }
    }

    /** Whether the lowest wanted version is above every provided one. */
    private static boolean newer(String wanted, List<String> provided) {
        org.osgi.framework.Version w = org.osgi.framework.Version.parseVersion(wanted);
        return provided.stream().allMatch(v -> org.osgi.framework.Version.parseVersion(v).compareTo(w) < 0);
    }
}
