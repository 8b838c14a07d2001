package org.opencrm.platform.api.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A module's texts in one language, from {@code <base>.properties} (English) and {@code <base>_zh_CN.properties} next
 * to the given class (UTF-8, Java 9+). A missing key shows as {@code !key!} so that a gap is visible, never blank.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;
    /** Asked for keys this bundle does not have (null: none). */
    private final Messages fallback;

    private Messages(ResourceBundle bundle, Locale locale, Messages fallback) {
        this.bundle = bundle;
        this.locale = locale;
        this.fallback = fallback;
    }

    /** Loads {@code baseName} (e.g. "org.opencrm.module.x.internal.ui.messages") with the class loader of {@code anchor}. */
    public static Messages of(Class<?> anchor, String baseName, Locale locale) {
        Locale effective = Languages.resolve(locale);
        ResourceBundle bundle = ResourceBundle.getBundle(baseName, effective, anchor.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, effective, null);
    }

    /** {@code first}'s keys, then these (e.g. a module's refusals before the platform's). */
    public Messages withFirst(Messages first) {
        return new Messages(first.bundle, first.locale, this);
    }

    /** The text of {@code key}, with {@code args} formatted into it in this language ({@link MessageFormat}). */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return fallback != null ? fallback.get(key, args) : "!" + key + "!";
        }
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }

    /** The label of an enum constant: key {@code <prefix>.<CONSTANT>}. */
    public String label(String prefix, Enum<?> value) {
        return value == null ? "" : get(prefix + "." + value.name());
    }

    public boolean has(String key) {
        return bundle.containsKey(key) || fallback != null && fallback.has(key);
    }

    public Locale locale() {
        return locale;
    }
}
