package org.opencrm.platform.core.internal.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.opencrm.ui.Messages;

/** The core's UI strings and formats. */
final class CoreUi {
    static final String BUNDLE = "org.opencrm.platform.core.internal.ui.messages";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private CoreUi() {
    }

    static Messages messages(Locale locale) {
        return Messages.of(CoreUi.class, BUNDLE, locale);
    }
}
