package org.opencrm.platform.api.region;

import java.util.Locale;

/** A sales region: its code (what records store) and its name in English and in Simplified Chinese. */
public record Region(String code, String nameEn, String nameZh) {
    /** The name in the language of {@code locale} (Chinese for zh, else English). */
    public String name(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }
}
