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

/** Channel → Partners: the partner list; {@code channel-partners/<accountId>} opens a partner's page. */
@Component(service = NavigationEntry.class)
public class PartnersEntry extends BaseMenuEntry {
    static final String ID = "channel-partners";

    @Activate
    public PartnersEntry(@Reference PartnerService partners, @Reference CatalogueService catalogue, @Reference OrderService orders,
            @Reference ReceivablesService receivables, @Reference RebateService rebates, @Reference CustomerDirectory customers) {
        super(ID, "channel", 10, ChannelModule.READ, ChannelUi::messages, "menu.partners",
                c -> new PartnersView(new ChannelServices(partners, catalogue, orders, receivables, rebates, customers), c));
    }
}
