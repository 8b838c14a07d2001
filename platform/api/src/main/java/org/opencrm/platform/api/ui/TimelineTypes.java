package org.opencrm.platform.api.ui;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.opencrm.platform.api.timeline.TimelineEntry;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The names, in the user's language, of the timeline entry types a module records ("POINTS_EARNED" → "积分获得"):
 * the customer timeline shows them instead of the code. Register it as an OSGi service (whiteboard), one per module;
 * {@code org.opencrm.ui.BundleTimelineTypes} reads them from the module's resource bundle. Since 1.4 it also says the
 * titles the module recorded with a key ({@link TimelineEntry#withTitleKey}).
 */
@ConsumerType
public interface TimelineTypes {
    /** The module whose entries these are ({@code TimelineEntry.moduleId}). */
    String moduleId();

    /** The type's name in the locale's language, or null when the module does not know the type. */
    String label(String type, Locale locale);

    /** A title recorded with {@code key} and its values in the locale's language, or null when the module has no such text (since 1.4). */
    default String title(String key, List<String> args, Locale locale) {
        return null;
    }

    /**
     * The entry's title in the reader's language: said by the texts of the module that recorded it, else the stored
     * (English) title (since 1.4).
     */
    static String titleOf(TimelineEntry e, Collection<? extends TimelineTypes> texts, Locale locale) {
        return say(e.moduleId(), e.titleKey(), e.titleArgs(), e.title(), texts, locale);
    }

    /**
     * A text a module recorded as its key and values (a timeline title, a core activity's subject) in the reader's
     * language: said by the texts of module {@code moduleId}, else {@code fallback} (the stored English words) (since 1.5).
     */
    static String say(String moduleId, String key, List<String> args, String fallback, Collection<? extends TimelineTypes> texts, Locale locale) {
        if (key != null && moduleId != null) {
            for (TimelineTypes t : texts) {
                if (t.moduleId().equals(moduleId)) {
                    String said = t.title(key, args == null ? List.of() : args, locale);
                    if (said != null) {
                        return said;
                    }
                }
            }
        }
        return fallback;
    }
}
