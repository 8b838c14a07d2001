package org.opencrm.platform.core.internal.rest;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.platform.core.internal.dto.ActivityData;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Timeline titles and the subjects of activities a module recorded, in the caller's language over REST: each entry recorded with a title key is said by the texts of
 * the module that recorded it (its {@link TimelineTypes}, which come and go with the module), else its stored English title.
 */
@Component(service = TimelineWording.class)
public class TimelineWording {
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<TimelineTypes> texts = new CopyOnWriteArrayList<>();

    public TimelineWording() {
    }

    /** With these modules' texts (a unit test's). */
    TimelineWording(List<TimelineTypes> texts) {
        this.texts.addAll(texts);
    }

    public Page<TimelineEntry> said(Page<TimelineEntry> entries, Locale language) {
        return new Page<>(entries.items().stream().map(e -> e.titleKey() == null ? e : e.withTitle(TimelineTypes.titleOf(e, texts, language))).toList(),
                entries.total());
    }

    /** The activity with its subject in the language (when a module recorded it as its text). */
    public ActivityData said(ActivityData a, Locale language) {
        return a.subjectKey() == null ? a : a.withSubject(TimelineTypes.say(a.moduleId(), a.subjectKey(), a.subjectArgs(), a.subject(), texts, language));
    }

    public Page<ActivityData> saidActivities(Page<ActivityData> page, Locale language) {
        return new Page<>(page.items().stream().map(a -> said(a, language)).toList(), page.total());
    }

    /**
     * What a client sent back about an activity it read: a subject equal to the one it was shown in its language is the
     * stored one (so the module's text is kept, not replaced by its words in one language).
     */
    public ActivityData unsaid(ActivityData in, ActivityData stored, Locale language) {
        if (in == null || stored.subjectKey() == null || in.subject() == null || !in.subject().equals(said(stored, language).subject())) {
            return in;
        }
        return in.withSubject(stored.subject());
    }
}
