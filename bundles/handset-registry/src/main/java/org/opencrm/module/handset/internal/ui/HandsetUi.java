package org.opencrm.module.handset.internal.ui;

import java.util.Locale;

import org.opencrm.ui.Messages;

/** The module's UI messages and small helpers its screens share. */
final class HandsetUi {
    static final String MESSAGES = "org.opencrm.module.handset.internal.ui.messages";
    /** The view name of the handsets screen; {@code handsets/<imei>} opens one unit. */
    static final String VIEW = "handsets";

    private HandsetUi() {
    }

    static Messages messages(Locale locale) {
        return Messages.of(HandsetUi.class, MESSAGES, locale);
    }
}
