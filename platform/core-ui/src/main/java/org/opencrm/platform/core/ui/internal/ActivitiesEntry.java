package org.opencrm.platform.core.ui.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.platform.api.ui.TimelineTypes;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.dto.ActivityData;
import org.opencrm.platform.core.internal.service.ActivityService;
import org.opencrm.ui.Feedback;
import org.opencrm.ui.Messages;
import org.opencrm.ui.PagedData;
import org.opencrm.ui.RecordLinks;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** My open activities, overdue first (by due date), with "Done". */
@Component(service = NavigationEntry.class)
public class ActivitiesEntry extends BaseMenuEntry {
    /** The entry's id (its menu item carries the overdue badge, {@link OverdueActivities}). */
    static final String ID = "activities";
    private final ActivityService activities;
    private final org.opencrm.platform.api.customer.CustomerDirectory customers;
    /** A module's activity type is named by that module's timeline types ({@code ACTIVITY_<type>}); modules come and go. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, fieldOption = FieldOption.UPDATE)
    private final List<TimelineTypes> types = new CopyOnWriteArrayList<>();

    @Activate
    public ActivitiesEntry(@Reference ActivityService activities, @Reference org.opencrm.platform.api.customer.CustomerDirectory customers) {
        super(ID, "customers", 30, "core.activity.read", CoreUi::messages, "menu.activities");
        this.activities = activities;
        this.customers = customers;
    }

    @Override
    public Object createView(UiContext context) {
        Messages msg = CoreUi.messages(context.locale());
        VerticalLayout layout = new VerticalLayout();
        layout.setMargin(false);
        layout.setId("activities-view");
        Label title = new Label(msg.get("activities.mine"));
        title.addStyleName(ValoTheme.LABEL_H2);
        ConfigurableFilterDataProvider<ActivityData, Void, String> data = PagedData.of(p -> activities.list(context.user(), p, null, null, null, "OPEN"));
        Grid<ActivityData> grid = new Grid<>(data);
        grid.setId("activities-grid");
        grid.setWidth("100%");
        LocalDate today = Times.today();
        grid.addColumn(a -> a.dueDate() == null ? "" : a.dueDate().toString()).setCaption(msg.get("activity.dueDate")).setWidth(130);
        grid.addColumn(a -> a.dueDate() != null && a.dueDate().isBefore(today) ? msg.get("activity.overdue") : "").setCaption("").setWidth(110);
        grid.addColumn(a -> typeLabel(a.type(), msg, context.locale())).setCaption(msg.get("timeline.type")).setWidth(110);
        // a module's reminder is said by that module's texts in the user's language
        grid.addColumn(a -> TimelineTypes.say(a.moduleId(), a.subjectKey(), a.subjectArgs(), a.subject(), types, context.locale()))
                .setCaption(msg.get("activity.subject"));
        grid.addComponentColumn(a -> {
            Button done = new Button(msg.get("activity.markDone"), e -> {
                try {
                    activities.update(context.user(), a.id(), new ActivityData(a.id(), a.type(), a.subject(), a.description(), a.dueDate(), "DONE",
                            a.owner(), a.contactId(), a.accountId(), null, null, null, a.version()));
                    Feedback.done(msg.get("activity.saved"));
                    data.refreshAll();
                } catch (RuntimeException ex) {
                    Feedback.failed(ex, java.util.Map.of());
                }
            });
            done.addStyleName(ValoTheme.BUTTON_SMALL);
            return done;
        }).setWidth(120);
        // the customer by name: the contact, else the account the activity is about
        RecordLinks.column(grid, a -> a.contactId() != null ? org.opencrm.ui.RecordNames.contact(customers, context.user(), a.contactId())
                : a.accountId() != null ? org.opencrm.ui.RecordNames.account(customers, context.user(), a.accountId(), context.locale()) : "",
                a -> a.contactId() != null ? "contact/" + a.contactId() : a.accountId() != null ? "account/" + a.accountId() : null,
                "activity-contact", ActivityData::id).setCaption(msg.get("activity.customer")).setWidth(200);
        layout.addComponents(title, grid);
        return layout;
    }

    /** A core type from the core's messages, a module's from its timeline types, else the code. */
    private String typeLabel(String type, Messages msg, Locale locale) {
        if (msg.has("activity.type." + type)) {
            return msg.get("activity.type." + type);
        }
        for (TimelineTypes t : types) {
            String label = t.label("ACTIVITY_" + type, locale);
            if (label != null) {
                return label;
            }
        }
        return type;
    }
}
