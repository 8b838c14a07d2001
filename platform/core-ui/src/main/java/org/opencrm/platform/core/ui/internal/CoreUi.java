package org.opencrm.platform.core.ui.internal;

import java.util.Locale;

import org.opencrm.ui.Messages;

/** The core's UI strings and formats. */
final class CoreUi {
    static final String BUNDLE = "org.opencrm.platform.core.ui.internal.messages";

    private CoreUi() {
    }

    static Messages messages(Locale locale) {
        return Messages.of(CoreUi.class, BUNDLE, locale);
    }
}
