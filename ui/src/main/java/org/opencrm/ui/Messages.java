package org.opencrm.ui;

import java.util.Locale;

/**
 * A module's UI strings in one language: the platform's {@link org.opencrm.platform.api.i18n.Messages} (which services
 * use, free of the UI toolkit), under the name screens have always used. A missing key shows as {@code !key!}.
 */
public final class Messages {
    private final org.opencrm.platform.api.i18n.Messages texts;

    private Messages(org.opencrm.platform.api.i18n.Messages texts) {
        this.texts = texts;
    }

    /** {@code first}'s keys, then these (a module's refusals before the platform's). */
    Messages withFirst(Messages first) {
        return new Messages(texts.withFirst(first.texts));
    }

    /** Loads {@code baseName} (e.g. "org.opencrm.module.x.internal.ui.messages") with the class loader of {@code anchor}. */
    public static Messages of(Class<?> anchor, String baseName, Locale locale) {
        return new Messages(org.opencrm.platform.api.i18n.Messages.of(anchor, baseName, locale));
    }

    public String get(String key, Object... args) {
        return texts.get(key, args);
    }

    /** The label of an enum constant: key {@code <prefix>.<CONSTANT>}. */
    public String label(String prefix, Enum<?> value) {
        return texts.label(prefix, value);
    }

    public boolean has(String key) {
        return texts.has(key);
    }

    public Locale locale() {
        return texts.locale();
    }
}
