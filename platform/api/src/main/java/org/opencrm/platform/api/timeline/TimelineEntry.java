package org.opencrm.platform.api.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One fact on a customer's timeline. Modules record what they did for a contact or an account ("repair order
 * R-1 received", "300 points earned"); the core merges these with activities. {@code refType/refId} point back
 * to the module's own record so the UI can link to it.
 * <p>
 * Since 1.1 the title can be said in the reader's language: {@code titleKey} names a text of the module's own
 * resource bundle and {@code titleArgs} are its values {0}, {1}, ... (see {@link #withTitleKey}); the web shell and the
 * REST API word it through the module's {@code TimelineTypes}. {@code title} stays the English text, shown where the
 * module's texts are not installed (a module removed later) and to clients that do not ask for a language.
 */
public record TimelineEntry(Long id, Long contactId, Long accountId, String moduleId, String type, String title,
        String detail, Instant occurredAt, String actor, String refType, String refId, String titleKey, List<String> titleArgs) {

    public TimelineEntry {
        titleArgs = titleArgs == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(titleArgs));
    }

    /** An entry whose title is said in one language only (the 1.0 form). */
    public TimelineEntry(Long id, Long contactId, Long accountId, String moduleId, String type, String title, String detail,
            Instant occurredAt, String actor, String refType, String refId) {
        this(id, contactId, accountId, moduleId, type, title, detail, occurredAt, actor, refType, refId, null, null);
    }

    public static TimelineEntry of(Long contactId, Long accountId, String moduleId, String type, String title,
            String detail, String actor, String refType, String refId) {
        return new TimelineEntry(null, contactId, accountId, moduleId, type, title, detail, Instant.now(), actor,
                refType, refId);
    }

    /**
     * This entry with its title said in the reader's language (since 1.1): {@code key} is a text of the module's bundle,
     * e.g. {@code timeline.title.sold=Handset bought: {0}} and {@code 购机：{0}}; {@code args} its values, kept as text
     * (a null as empty); a value {@code "@k"} is said as the module's text {@code k} (an enum, e.g. {@code "@tier.GOLD"}).
     * The English {@code title} is still required.
     */
    public TimelineEntry withTitleKey(String key, Object... args) {
        List<String> values = new ArrayList<>(args.length);
        for (Object a : args) {
            values.add(a == null ? "" : String.valueOf(a));
        }
        return new TimelineEntry(id, contactId, accountId, moduleId, type, title, detail, occurredAt, actor, refType, refId, key, values);
    }

    /** This entry with another title: the words said by the module's texts for one reader (the stored key and values kept). */
    public TimelineEntry withTitle(String said) {
        return new TimelineEntry(id, contactId, accountId, moduleId, type, said, detail, occurredAt, actor, refType, refId, titleKey, titleArgs);
    }
}
