package org.opencrm.module.channel.internal.ui;

import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.service.CatalogueService;
import org.opencrm.module.channel.internal.service.OrderService;
import org.opencrm.module.channel.internal.service.PartnerService;
import org.opencrm.module.channel.internal.service.RebateService;
import org.opencrm.module.channel.internal.service.ReceivablesService;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.platform.api.ui.NavigationEntry;
import org.opencrm.ui.BaseMenuEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Channel → Finance: payments entry and allocation, aging with a chart, the collection worklist, rebate run review. */
@Component(service = NavigationEntry.class)
public class FinanceEntry extends BaseMenuEntry {
    @Activate
    public FinanceEntry(@Reference PartnerService partners, @Reference CatalogueService catalogue, @Reference OrderService orders,
            @Reference ReceivablesService receivables, @Reference RebateService rebates, @Reference CustomerDirectory customers) {
        super("channel-finance", "channel", 20, ChannelModule.FINANCE, ChannelUi::messages, "menu.finance",
                c -> new FinanceView(new ChannelServices(partners, catalogue, orders, receivables, rebates, customers), c));
    }
}
