package org.opencrm.module.handset.internal.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opencrm.module.handset.internal.HandsetModule;
import org.opencrm.module.handset.internal.service.SalesReport;
import org.opencrm.platform.api.ui.DashboardWidget;
import org.opencrm.ui.BaseDashboardWidget;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Charts;
import org.opencrm.ui.Messages;
import org.opencrm.ui.Times;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;

/** Dashboard: sales registrations per week (chart) and per model (table), in the user's scope. */
@Component(service = DashboardWidget.class)
public class SalesWidget extends BaseDashboardWidget {
    private static final int WEEKS = 8;
    private final SalesReport report;

    @Activate
    public SalesWidget(@Reference SalesReport report) {
        super("handset.salesPerWeek", 30, HandsetModule.READ, 6, HandsetUi::messages, "widget.handset.salesPerWeek");
        this.report = report;
    }

    @Override
    public Object createWidget(UiContext context) {
        Messages msg = HandsetUi.messages(context.locale());
        LocalDate today = Times.today();
        Map<String, long[]> byModel = report.perWeekByModel(context.user(), WEEKS, today);
        if (byModel.isEmpty()) {
            return new Label(msg.get("widget.handset.none", WEEKS));
        }
        List<String> weeks = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            LocalDate start = today.minusDays(7L * WEEKS - 1).plusDays(7L * i);
            weeks.add(start.getMonthValue() + "/" + start.getDayOfMonth());
            long sum = 0;
            for (long[] counts : byModel.values()) {
                sum += counts[i];
            }
            totals.add(sum);
        }
        Label chart = Charts.bars(weeks, totals, label(context.locale()));
        chart.setId("chart-handset-sales");
        Grid<Map.Entry<String, long[]>> table = new Grid<>();
        table.setCaption(msg.get("widget.handset.byModel", WEEKS));
        table.setItems(byModel.entrySet());
        table.setWidth("100%");
        table.setHeightByRows(Math.min(5, byModel.size()));
        table.addColumn(Map.Entry::getKey).setCaption(msg.get("handset.model"));
        for (int i = WEEKS - 4; i < WEEKS; i++) {
            int week = i;
            table.addColumn(e -> e.getValue()[week]).setCaption(weeks.get(week));
        }
        VerticalLayout layout = new VerticalLayout(chart, table);
        layout.setMargin(false);
        return layout;
    }
}
