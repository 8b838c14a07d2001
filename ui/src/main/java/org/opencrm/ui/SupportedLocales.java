package org.opencrm.ui;

import java.util.List;
import java.util.Locale;

/** The shell's two languages: the platform's ({@link org.opencrm.platform.api.i18n.Languages}). */
public final class SupportedLocales {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> ALL = List.of(SIMPLIFIED_CHINESE, ENGLISH);

    private SupportedLocales() {
    }

    public static Locale resolve(Locale requested) {
        return org.opencrm.platform.api.i18n.Languages.resolve(requested);
    }
}
