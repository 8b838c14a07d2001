package org.opencrm.platform.core.ui.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.timeline.TimelineEntry;
import org.opencrm.platform.api.timeline.TimelineService;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.vaadin.ui.Grid;

/** The customer timeline: activities and what every module recorded, newest first, paged lazily. */
@Component(service = RecordTab.class)
public class TimelineTab extends BaseRecordTab {
    private final TimelineService timeline;
    /** The modules' names of their entry types; modules come and go, so read at each render. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<TimelineTypes> types = new CopyOnWriteArrayList<>();

    @Activate
    public TimelineTab(@Reference TimelineService timeline) {
        super("contact.timeline", Record.CONTACT, 20, "core.timeline.read", CoreUi::messages, "tab.contact.timeline");
        this.timeline = timeline;
    }

    @Override
    public Object createTab(UiContext context, long contactId) {
        Messages msg = CoreUi.messages(context.locale());
        Grid<TimelineEntry> grid = new Grid<>(PagedData.of((PageRequest p) -> timeline.forContact(contactId, p.offset(), p.limit())));
        grid.setId("timeline-grid");
        grid.setWidth("100%");
        grid.addColumn(e -> Times.dateTime(e.occurredAt())).setCaption(msg.get("timeline.when")).setWidth(160);
        grid.addColumn(e -> msg.has("timeline.module." + e.moduleId()) ? msg.get("timeline.module." + e.moduleId()) : e.moduleId())
                .setCaption(msg.get("timeline.source")).setWidth(130);
        grid.addColumn(e -> typeLabel(e, msg, context.locale())).setCaption(msg.get("timeline.type")).setWidth(150);
        grid.addColumn(e -> TimelineTypes.titleOf(e, types, context.locale())).setCaption(msg.get("timeline.title"));
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setCaption(msg.get("timeline.detail"));
        grid.addColumn(TimelineEntry::actor).setCaption(msg.get("timeline.actor")).setWidth(110);
        return grid;
    }

    /** An activity's type from the core's messages, a module's entry type from that module's {@link TimelineTypes}, else the code. */
    private String typeLabel(TimelineEntry e, Messages msg, Locale locale) {
        // an activity's entry is ACTIVITY_<type> (ACTIVITY_DONE when one is done): the core's types by the core's names
        String activityType = e.type().startsWith("ACTIVITY_") ? e.type().substring("ACTIVITY_".length()) : e.type();
        if (msg.has("activity.type." + activityType)) {
            return msg.get("activity.type." + activityType);
        }
        for (TimelineTypes t : types) {
            if (t.moduleId().equals(e.moduleId())) {
                String label = t.label(e.type(), locale);
                if (label != null) {
                    return label;
                }
            }
        }
        return e.type();
    }
}
