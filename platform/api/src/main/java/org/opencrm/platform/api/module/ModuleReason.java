package org.opencrm.platform.api.module;

import java.util.List;

/**
 * One part of why a module is FAILED, as the module manager states it: a message key (the shell's messages say it as
 * {@code modules.why.<key>} in each language), its arguments (module, bundle, package and class names, versions and
 * the messages of others, kept as they are), and the same in English ({@code text}, for logs, the shell and REST).
 * Key {@link #TEXT} stands for a reason that has only its text (its one argument).
 *
 * @since 1.2
 */
public record ModuleReason(String key, List<String> args, String text) {
    /** The key of a reason known only as text (from a manager before keys, or another source). */
    public static final String TEXT = "text";

    public ModuleReason {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A reason known only as its text. */
    public static ModuleReason text(String text) {
        return new ModuleReason(TEXT, List.of(text), text);
    }
}
