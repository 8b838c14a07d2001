package org.opencrm.module.channel.internal.ui;

import java.util.List;

import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.dto.AgingReport;
import org.opencrm.module.channel.internal.dto.AgingRow;
import org.opencrm.module.channel.internal.service.ReceivablesService;
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

/** Dashboard tile: receivables by aging bucket today, within the user's data scope. */
@Component(service = DashboardWidget.class)
public class AgingWidget extends BaseDashboardWidget {
    private final ReceivablesService receivables;

    @Activate
    public AgingWidget(@Reference ReceivablesService receivables) {
        super("channel.aging", 40, ChannelModule.READ, 6, ChannelUi::messages, "widget.aging");
        this.receivables = receivables;
    }

    @Override
    public Object createWidget(UiContext context) {
        Messages msg = ChannelUi.messages(context.locale());
        AgingReport r = receivables.aging(context.user(), null, null, 1);
        VerticalLayout v = new VerticalLayout(FinanceView.agingChart(msg, r.totals()), new Label(msg.get("widget.aging.total", ChannelUi.yuan(r.totals().total()),
                r.partnerCount())));
        v.setMargin(false);
        v.setId("channel-aging-widget");
        return v;
    }

    static List<String> labels(Messages msg) {
        return List.of(msg.get("aging.current"), msg.get("aging.d1"), msg.get("aging.d31"), msg.get("aging.d61"), msg.get("aging.d90"));
    }

    static List<Double> values(AgingRow a) {
        return List.of(a.current().doubleValue(), a.days1to30().doubleValue(), a.days31to60().doubleValue(), a.days61to90().doubleValue(), a.over90().doubleValue());
    }
}
