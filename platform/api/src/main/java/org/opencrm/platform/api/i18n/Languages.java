package org.opencrm.platform.api.i18n;

import java.util.List;
import java.util.Locale;

/** The platform's two languages: Simplified Chinese for any Chinese request, English for everything else. */
public final class Languages {
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> ALL = List.of(SIMPLIFIED_CHINESE, ENGLISH);

    private Languages() {
    }

    /** The supported language for a requested one (null: English). */
    public static Locale resolve(Locale requested) {
        return requested != null && "zh".equals(requested.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }
}
