package org.opencrm.ui.internal;

import java.util.Locale;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.Messages;

/** The shell's own menu entries are contributions like any module's; labels come from the shell's bundle. */
abstract class ShellEntry implements NavigationEntry {
    @Override
    public String label(Locale locale) {
        return Messages.of(ShellEntry.class, CrmUI.MESSAGES, locale).get("menu." + id());
    }
}
