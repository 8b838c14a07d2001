package org.opencrm.platform.core.internal.rest;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opencrm.platform.api.Page;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Timeline titles in the caller's language over REST: each entry recorded with a title key is said by the texts of
 * the module that recorded it (its {@link TimelineTypes}, which come and go with the module), else its stored English title.
 */
@Component(service = TimelineWording.class)
public class TimelineWording {
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<TimelineTypes> texts = new CopyOnWriteArrayList<>();

    public Page<TimelineEntry> said(Page<TimelineEntry> entries, Locale language) {
        return new Page<>(entries.items().stream().map(e -> e.titleKey() == null ? e : e.withTitle(TimelineTypes.titleOf(e, texts, language))).toList(),
                entries.total());
    }
}
