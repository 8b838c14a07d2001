package org.opencrm.platform.api.i18n;

import java.util.regex.Pattern;

import org.opencrm.platform.api.CrmException;
import org.opencrm.platform.api.RecordNotFoundException;

/**
 * How a refusal's arguments name things that have texts of their own, read the same way wherever a refusal is worded
 * (the web shell's feedback, the REST API's answers): an argument such as {@code "status.SOLD"} is the key of a
 * catalogue entry, and the record type of a "not found" ({@code "repair order"}) has its name under
 * {@code record.<letters of the type>} ({@code record.repairorder}).
 */
public final class RefusalArguments {
    private static final Pattern CATALOGUE_ENTRY = Pattern.compile("[a-zA-Z]+\\.[A-Z][A-Z0-9_]*");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^A-Za-z]");

    private RefusalArguments() {
    }

    /** Whether the argument is the key of a catalogue entry ("status.SOLD", "channel.REJECTED"). */
    public static boolean isCatalogueEntry(Object argument) {
        return argument instanceof String s && CATALOGUE_ENTRY.matcher(s).matches();
    }

    /**
     * Whether the refusal's first argument is the type of a record that was not found: a {@link RecordNotFoundException},
     * or any refusal with the message key {@code notFound} (e.g. an id in a request body that names no record), since
     * 1.2.
     */
    public static boolean namesRecordType(CrmException refusal) {
        return refusal instanceof RecordNotFoundException || "notFound".equals(refusal.messageKey());
    }

    /** The key of a record type's name: "repair order" → "record.repairorder". */
    public static String recordKey(String recordType) {
        return "record." + NOT_A_LETTER.matcher(recordType).replaceAll("");
    }
}
