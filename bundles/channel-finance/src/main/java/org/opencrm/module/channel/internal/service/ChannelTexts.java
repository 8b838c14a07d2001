package org.opencrm.module.channel.internal.service;

import org.opencrm.platform.api.i18n.Languages;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Texts the module stores for people to read later (a collection reminder's subject): kept as a message key of the
 * module's messages and its arguments, and said in the reader's language when read. Arguments are numbers (whole or
 * decimal) or plain text; they are stored as one string, separated by U+001F (which no argument contains), each
 * marked as a number ("#") or a text ("$").
 */
public final class ChannelTexts {
    /** The module's messages (en, zh_CN), the UI's bundle. */
    public static final String MESSAGES = "org.opencrm.module.channel.internal.ui.messages";
    private static final char SEPARATOR = '\u001f';

    private ChannelTexts() {
    }

    /** The arguments as stored: numbers as their plain decimal form after "#", texts after "$". */
    public static String encode(Object... args) {
        StringBuilder out = new StringBuilder();
        for (Object a : args) {
            if (out.length() > 0) {
                out.append(SEPARATOR);
            }
            if (a instanceof BigDecimal d) {
                out.append('#').append(d.toPlainString());
            } else if (a instanceof Number n) {
                out.append('#').append(n.longValue());
            } else {
                out.append('$').append(String.valueOf(a).replace(SEPARATOR, ' '));
            }
        }
        return out.toString();
    }

    public static Object[] decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return new Object[0];
        }
        List<Object> args = new ArrayList<>();
        for (String s : stored.split(String.valueOf(SEPARATOR), -1)) {
            args.add(s.startsWith("#") ? new BigDecimal(s.substring(1)) : s.isEmpty() ? s : s.substring(1));
        }
        return args.toArray();
    }

    /** The text of a key with its stored arguments in a language (zh: Simplified Chinese, anything else English). */
    public static String say(Locale locale, String key, String storedArgs) {
        Locale l = Languages.resolve(locale);
        ResourceBundle m = ResourceBundle.getBundle(MESSAGES, l, ChannelTexts.class.getClassLoader());
        return new MessageFormat(m.getString(key), l).format(decode(storedArgs));
    }

    /**
     * The text in both languages the module speaks, Chinese first ("催款提醒… / Payment reminder…"): for places outside
     * the module that keep one text for every reader (a core activity's subject, searched as it is written).
     */
    public static String inBothLanguages(String key, String storedArgs) {
        return say(Locale.SIMPLIFIED_CHINESE, key, storedArgs) + " / " + say(Locale.ENGLISH, key, storedArgs);
    }
}
