package org.opencrm.platform.core.ui.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opencrm.platform.api.PageRequest;
import org.opencrm.platform.api.ui.DashboardWidget;
import org.opencrm.ui.BaseDashboardWidget;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.platform.core.internal.service.AccountService;
import org.opencrm.platform.core.internal.service.ActivityService;
import org.opencrm.platform.core.internal.service.ContactService;
import org.opencrm.ui.Charts;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;

/** The core's dashboard tiles: counts, new contacts per week, my activities by type. All within the user's scope. */
final class CoreWidgets {
    private CoreWidgets() {
    }

    @Component(service = DashboardWidget.class)
    public static class Counts extends BaseDashboardWidget {
        private final ContactService contacts;
        private final AccountService accounts;
        private final ActivityService activities;

        @Activate
        public Counts(@Reference ContactService contacts, @Reference AccountService accounts, @Reference ActivityService activities) {
            super("core.counts", 0, "core.contact.read", 4, CoreUi::messages, "widget.core.counts");
            this.contacts = contacts;
            this.accounts = accounts;
            this.activities = activities;
        }

        @Override
        public Object createWidget(UiContext context) {
            Messages msg = CoreUi.messages(context.locale());
            PageRequest one = new PageRequest(null, 0, 1);
            HorizontalLayout row = new HorizontalLayout();
            row.addComponent(count(msg.get("menu.contacts"), contacts.search(context.user(), one, null, null).total(), "count-contacts"));
            if (context.user().hasPermission("core.account.read")) {
                row.addComponent(count(msg.get("menu.accounts"), accounts.search(context.user(), one, null, null).total(), "count-accounts"));
            }
            if (context.user().hasPermission("core.activity.read")) {
                row.addComponent(count(msg.get("activities.open"), activities.list(context.user(), one, null, null, null, "OPEN").total(), "count-open-activities"));
            }
            return row;
        }

        private static VerticalLayout count(String caption, long n, String id) {
            Label value = new Label(String.format("%,d", n));
            value.addStyleName("crm-count");
            value.setId(id);
            Label label = new Label(caption);
            label.addStyleName("crm-muted");
            VerticalLayout v = new VerticalLayout(value, label);
            v.setSpacing(false);
            v.setMargin(false);
            return v;
        }
    }

    @Component(service = DashboardWidget.class)
    public static class NewContactsChart extends BaseDashboardWidget {
        @Activate
        public NewContactsChart(@Reference ContactService contacts) {
            super("core.newContacts", 10, "core.contact.read", 6, CoreUi::messages, "widget.core.newContacts", c -> chart(contacts, c));
        }

        private static Object chart(ContactService contacts, UiContext context) {
            int weeks = 8;
            Instant now = Times.clock().now();
            List<Long> counts = contacts.createdPerWeek(context.user(), weeks, now);
            List<String> labels = new ArrayList<>();
            LocalDate today = Times.clock().dateOf(now);
            for (int i = weeks - 1; i >= 0; i--) {
                LocalDate start = today.minusDays(7L * (i + 1) - 1);
                labels.add(start.getMonthValue() + "/" + start.getDayOfMonth());
            }
            Label chart = Charts.bars(labels, counts, CoreUi.messages(context.locale()).get("widget.core.newContacts"));
            chart.setId("chart-new-contacts");
            return chart;
        }
    }

    @Component(service = DashboardWidget.class)
    public static class ActivitiesByType extends BaseDashboardWidget {
        @Activate
        public ActivitiesByType(@Reference ActivityService activities) {
            super("core.activitiesByType", 20, "core.activity.read", 6, CoreUi::messages, "widget.core.activitiesByType", c -> chart(activities, c));
        }

        private static Object chart(ActivityService activities, UiContext context) {
            Messages msg = CoreUi.messages(context.locale());
            Map<String, Long> byType = activities.countByType(context.user());
            List<String> labels = byType.keySet().stream().map(t -> msg.has("activity.type." + t) ? msg.get("activity.type." + t) : t).toList();
            Label chart = Charts.bars(labels, new ArrayList<>(byType.values()), msg.get("widget.core.activitiesByType"));
            chart.setId("chart-activities-by-type");
            return chart;
        }
    }
}
