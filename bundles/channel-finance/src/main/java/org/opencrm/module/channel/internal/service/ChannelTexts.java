package org.opencrm.module.channel.internal.service;

import org.opencrm.platform.api.i18n.Languages;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
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
     * A text the module writes for people to read later: its English words (kept where one text serves every reader:
     * logs, events, search) and, for a system's text, its key and encoded values to say it in each reader's language.
     * A user's typed text has no key.
     */
    public record Text(String words, String key, String args) {
        /** The module's text {@code key} with {@code args}. */
        public static Text of(String key, Object... args) {
            String encoded = encode(args);
            return new Text(say(Locale.ENGLISH, key, encoded), key, encoded);
        }

        /** Words as typed by a user, said as they are. */
        public static Text typed(String words) {
            return new Text(words, null, null);
        }

        public String in(Locale reader) {
            return said(reader, words, key, args);
        }
    }

    /** A stored text in the reader's language: the key's text when there is one, else the stored words. */
    public static String said(Locale reader, String words, String key, String args) {
        return key == null ? words : say(reader, key, args);
    }

    /** An amount in yuan as a text the same in both languages (grouped, two decimals: 1,234,567.80). */
    public static String amount(BigDecimal yuan) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(yuan);
    }
}
