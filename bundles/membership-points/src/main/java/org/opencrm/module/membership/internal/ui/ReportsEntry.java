package org.opencrm.module.membership.internal.ui;

import java.util.List;

import org.opencrm.module.membership.internal.MembershipModule;
import org.opencrm.module.membership.internal.dto.Reports;
import org.opencrm.module.membership.internal.service.MemberService;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.Charts;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** Reports → Membership: points liability, stored value owed, tier distribution (chart), active members. */
@Component(service = NavigationEntry.class)
public class ReportsEntry extends BaseMenuEntry {
    @Activate
    public ReportsEntry(@Reference MemberService members) {
        super("membership-reports", "reports", 100, MembershipModule.READ, MembershipUi::messages, "menu.reports", c -> view(members, c));
    }

    private static Object view(MemberService members, UiContext context) {
        Messages msg = MembershipUi.messages(context.locale());
        Label title = new Label(msg.get("menu.reports"));
        title.addStyleName(ValoTheme.LABEL_H2);
        Reports.Liability liability = members.liability(context.user());
        Reports.TierDistribution tiers = members.tiers(context.user());
        Reports.ActiveMembers active = members.active(context.user(), 90);
        FormLayout figures = new FormLayout();
        figures.setId("membership-report-figures");
        figures.addComponent(Fields.readOnly(msg.get("report.pointsLiability"),
                msg.get("report.pointsLiabilityText", String.format("%,d", liability.points()), MembershipUi.yuan(liability.pointsValue()))));
        figures.addComponent(Fields.readOnly(msg.get("report.storedValue"), MembershipUi.yuan(liability.storedValue())));
        figures.addComponent(Fields.readOnly(msg.get("report.withPoints"), String.format("%,d", liability.membersWithPoints())));
        figures.addComponent(Fields.readOnly(msg.get("report.active"),
                msg.get("report.activeText", String.format("%,d", active.active()), String.format("%,d", active.total()), active.days())));
        List<String> names = tiers.tiers().stream().map(t -> MembershipUi.tier(msg, t.tier())).toList();
        List<Long> counts = tiers.tiers().stream().map(Reports.TierCount::members).toList();
        Label chart = Charts.bars(names, counts, msg.get("report.tiers"));
        chart.setId("chart-member-tiers");
        chart.setCaption(msg.get("report.tiers"));
        VerticalLayout layout = new VerticalLayout(title, figures, chart);
        layout.setMargin(false);
        layout.setId("membership-reports");
        return layout;
    }
}
