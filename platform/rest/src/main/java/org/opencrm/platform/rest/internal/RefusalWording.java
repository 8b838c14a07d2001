package org.opencrm.platform.rest.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.i18n.RefusalArguments;
import org.opencrm.platform.rest.RefusalTexts;

/**
 * A business refusal's message in the caller's language: the {@code error.<messageKey>} entry of the first registered
 * {@link RefusalTexts} bundle that has it, the modules' before the platform's ({@link RefusalTexts#PLATFORM}), as the
 * web shell's Feedback reads them. The API speaks English and Simplified Chinese; English keeps the service's
 * own message, which is what the API has always answered.
 */
final class RefusalWording {
    private RefusalWording() {
    }

    /** The first language of an Accept-Language list the API speaks other than English, or English. */
    static Locale language(List<Locale> acceptable) {
        return org.opencrm.platform.rest.RestSupport.language(acceptable);
    }

    static String message(CrmException e, Locale language, Collection<RefusalTexts> registered) {
        if (e.messageKey() == null || !"zh".equals(language.getLanguage())) {
            return e.getMessage();
        }
        List<RefusalTexts> catalogues = modulesFirst(registered);
        String key = "error." + e.messageKey();
        for (RefusalTexts texts : catalogues) {
            ResourceBundle bundle = bundle(texts, language);
            if (bundle != null && bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                Object[] ruleArgs = e.messageArgs();
                Object[] args = new Object[ruleArgs.length + 1];
                args[0] = e.field() == null ? "" : e.field();
                System.arraycopy(ruleArgs, 0, args, 1, ruleArgs.length);
                for (int i = 1; i < args.length; i++) {
                    // an argument naming an entry of a catalogue the same texts have ("status.SOLD") is said by them too,
                    // and a record type not found ("repair order") by whichever texts name it, as the web UI says them
                    if (RefusalArguments.isCatalogueEntry(args[i]) && bundle.containsKey((String) args[i])) {
                        args[i] = bundle.getString((String) args[i]);
                    } else if (i == 1 && RefusalArguments.namesRecordType(e) && args[i] instanceof String type) {
                        String named = firstEntry(catalogues, RefusalArguments.recordKey(type), language);
                        args[i] = named == null ? type : named;
                    }
                }
                try {
                    return new MessageFormat(pattern, language).format(args);
                } catch (IllegalArgumentException badArgument) {
                    return e.getMessage(); // a pattern that does not fit the arguments: the English text, not a 500
                }
            }
        }
        return e.getMessage();
    }

    /** The modules' texts in the order they came, then the platform's: a module's wording of a key comes first. */
    static List<RefusalTexts> modulesFirst(Collection<RefusalTexts> registered) {
        List<RefusalTexts> ordered = new ArrayList<>(registered.size());
        List<RefusalTexts> platform = new ArrayList<>(1);
        for (RefusalTexts texts : registered) {
            (RefusalTexts.PLATFORM.equals(texts.baseName()) ? platform : ordered).add(texts);
        }
        ordered.addAll(platform);
        return ordered;
    }

    private static String firstEntry(Collection<RefusalTexts> catalogues, String key, Locale language) {
        for (RefusalTexts texts : catalogues) {
            ResourceBundle bundle = bundle(texts, language);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    private static ResourceBundle bundle(RefusalTexts texts, Locale language) {
        try {
            return ResourceBundle.getBundle(texts.baseName(), language, texts.getClass().getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException noBundle) {
            return null;
        }
    }
}
