package org.opencrm.module.audit.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.opencrm.module.audit.internal.AuditRuntime;
import org.opencrm.module.audit.internal.FranchiseAuditNames;
import org.opencrm.module.audit.internal.dto.ResultData;
import org.opencrm.platform.api.ui.DashboardWidget;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.BaseDashboardWidget;
import org.opencrm.ui.Charts;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;

/** Dashboard tile: the network's average audit score per month (the user's stores) and the overdue corrective actions. */
@Component(service = DashboardWidget.class)
public class AuditWidget extends BaseDashboardWidget {
    @Activate
    public AuditWidget(@Reference AuditRuntime rt) {
        super("audit.networkTrend", 40, FranchiseAuditNames.READ, 6, AuditUi::messages, "widget.audits", c -> widget(rt, c));
    }

    private static Object widget(AuditRuntime rt, UiContext c) {
        Messages msg = AuditUi.messages(c.locale());
        List<String> months = new ArrayList<>();
        List<Number> scores = new ArrayList<>();
        for (ResultData.TrendPoint p : rt.results.trend(c.user(), null, 6)) {
            months.add(p.month().substring(5));
            scores.add(p.averageScore() == null ? 0 : p.averageScore());
        }
        ResultData.ActionCounts counts = rt.results.actionCounts(c.user());
        Label overdue = new Label(msg.get("widget.overdue", counts.overdue(), counts.open() + counts.responded()));
        overdue.setId("audit-widget-overdue");
        VerticalLayout v = new VerticalLayout(Charts.bars(months, scores, msg.get("ui.trend")), overdue);
        v.setMargin(false);
        v.setId("audit-widget");
        return v;
    }
}
