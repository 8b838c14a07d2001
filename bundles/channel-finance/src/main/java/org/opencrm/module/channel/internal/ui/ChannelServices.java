package org.opencrm.module.channel.internal.ui;

import org.opencrm.module.channel.internal.service.CatalogueService;
import org.opencrm.module.channel.internal.service.OrderService;
import org.opencrm.module.channel.internal.service.PartnerService;
import org.opencrm.module.channel.internal.service.RebateService;
import org.opencrm.module.channel.internal.service.ReceivablesService;
import org.opencrm.platform.api.customer.CustomerDirectory;

/** The services the module's screens call. */
record ChannelServices(PartnerService partners, CatalogueService catalogue, OrderService orders, ReceivablesService receivables, RebateService rebates,
        CustomerDirectory customers) {
}
