package org.opencrm.ui.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.opencrm.platform.api.module.ModuleInfo;
import org.opencrm.platform.api.module.ModuleReason;
import org.opencrm.ui.Messages;

/**
 * Why a module is FAILED, in the user's language: each part of the module manager's reason ({@link ModuleInfo#reasons},
 * a message key with its arguments) said with the text {@code modules.why.<key>} of the shell's messages. The names in
 * it (modules, packages, versions, classes, another component's own message) stay as they are; a part whose key the
 * shell does not know (a newer manager) is shown in the manager's English.
 */
final class ModuleReasons {
    private ModuleReasons() {
    }

    static String say(Messages msg, ModuleInfo module) {
        return module == null ? "" : say(msg, module.reasons());
    }

    static String say(Messages msg, List<ModuleReason> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return "";
        }
        return reasons.stream().map(r -> part(msg, r)).collect(Collectors.joining(msg.get("modules.why.and")));
    }

    private static String part(Messages msg, ModuleReason r) {
        String key = "modules.why." + r.key();
        return r.key() != null && msg.has(key) ? msg.get(key, r.args().toArray()) : r.text();
    }
}
