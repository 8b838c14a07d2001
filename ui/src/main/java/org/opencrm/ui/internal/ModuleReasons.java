package org.opencrm.ui.internal;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.opencrm.ui.Messages;

/**
 * Why a module is FAILED, in the user's language. The module manager states its reasons in fixed English sentences
 * (a needed module is not active, a package, service or bundle is missing, a component failed, the descriptor is not
 * registered); each known sentence is said with the texts {@code modules.why.*} of the shell's messages. The names in
 * it (modules, packages, versions, classes) stay as they are; a sentence the shell does not know is shown as written.
 */
final class ModuleReasons {
    private record Rule(Pattern pattern, Function<MatchResult, String> words) {
    }

    private ModuleReasons() {
    }

    static String say(Messages msg, String reason) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        if (msg.locale() == null || !"zh".equals(msg.locale().getLanguage())) {
            return reason; // English: the manager's own words
        }
        String out = reason;
        for (Rule r : rules(msg)) {
            out = r.pattern().matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(r.words().apply(m)));
        }
        return out;
    }

    private static List<Rule> rules(Messages msg) {
        return List.of(
                new Rule(Pattern.compile("needs modules? (.+?), which (?:is|are) not active"), m -> msg.get("modules.why.needsModules", m.group(1))),
                new Rule(Pattern.compile("its descriptor \\(a CrmModule service with id '([^']+)'\\) is not registered"),
                        m -> msg.get("modules.why.noDescriptor", m.group(1))),
                new Rule(Pattern.compile("(\\S+(?: \\S+)?) needs package ([\\w.]+)(?: version ([\\w.]+) or later)?(?:, below ([\\w.]+))?; this installation provides "
                        + "(?:(no such package) \\(a module or library it needs is missing\\)|version ([\\w., -]+?)"
                        + "( \\(the module was built for a newer platform: update the platform or get a build of the module for this one\\))?)(?=;|$)"),
                        m -> msg.get("modules.why.needsPackage", m.group(1), m.group(2), range(msg, m.group(3), m.group(4)))
                                + msg.get(m.group(5) != null ? "modules.why.noSuchPackage" : m.group(7) != null ? "modules.why.olderPlatform"
                                        : "modules.why.providedVersion", m.group(6) == null ? "" : m.group(6))),
                new Rule(Pattern.compile("(\\S+(?: \\S+)?) needs a service ([\\w.$]+) that no installed module or library provides"),
                        m -> msg.get("modules.why.needsService", m.group(1), m.group(2))),
                new Rule(Pattern.compile("(\\S+(?: \\S+)?) needs ([\\w.-]+), which is neither installed nor in the package"),
                        m -> msg.get("modules.why.needsBundle", m.group(1), m.group(2))),
                new Rule(Pattern.compile("(\\S+(?: \\S+)?) needs (.+?), which nothing installed provides"),
                        m -> msg.get("modules.why.needsOther", m.group(1), m.group(2))),
                new Rule(Pattern.compile("component (\\S+) failed to activate: "), m -> msg.get("modules.why.componentFailed", m.group(1))),
                // ModuleSchema's failed step: the database's own reason (group 4) stays as the database said it
                new Rule(Pattern.compile("the schema of module (\\S+) could not be upgraded to version (\\d+) \\((.+?)\\): (.*?); it stays at the previous version"
                        + " and the step is retried at the next start"), m -> msg.get("modules.why.schemaFailed", m.group(1), m.group(2), m.group(3), m.group(4))),
                new Rule(Pattern.compile("could not be installed: "), m -> msg.get("modules.why.notInstalled")));
    }

    private static String range(Messages msg, String lowest, String below) {
        if (lowest == null && below == null) {
            return "";
        }
        if (below == null) {
            return msg.get("modules.why.versionFrom", lowest);
        }
        return lowest == null ? msg.get("modules.why.versionBelow", below) : msg.get("modules.why.versionRange", lowest, below);
    }
}
